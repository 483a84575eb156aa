package io.accountoauth.testsupport;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** Test-only endpoints, added to the WAR by the integration tests. */
@ApplicationPath("/test-support")
public class TestSupportApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ClockResource.class, HousekeepingResource.class, ResetResource.class, HeapResource.class,
                SessionResource.class);
    }
}
