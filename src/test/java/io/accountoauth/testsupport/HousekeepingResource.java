package io.accountoauth.testsupport;

import io.accountoauth.token.TokenRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Lets a test run the database clean-up now instead of waiting for its schedule: present only in test deployments. */
@Path("housekeeping")
@RequestScoped
public class HousekeepingResource {

    @Inject
    TokenRegistry registry;

    /** Deletes what the database no longer needs; answers how many rows went. */
    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public String forgetEnded() {
        return Integer.toString(registry.forgetEnded());
    }
}
