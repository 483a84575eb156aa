package io.accountoauth.testsupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The server's heap after full collections: present only in test deployments. */
@Path("heap")
@ApplicationScoped
public class HeapResource {

    /** Collects until the used heap stops shrinking, then answers it in bytes. */
    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public String usedAfterFullGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            memory.gc();
            Thread.sleep(100);
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                break;
            }
            used = now;
        }
        return Long.toString(used);
    }
}
