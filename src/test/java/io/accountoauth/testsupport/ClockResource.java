package io.accountoauth.testsupport;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;

/** Lets a test move the server's clock: present only in test deployments. */
@Path("clock")
@RequestScoped
public class ClockResource {

    @Inject
    MovableClock clock;

    @POST
    @Path("advance")
    public void advance(@QueryParam("seconds") long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    @POST
    @Path("reset")
    public void reset() {
        clock.reset();
    }
}
