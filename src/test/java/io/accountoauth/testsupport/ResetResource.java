package io.accountoauth.testsupport;

import io.accountoauth.client.ClientAuthenticator;
import io.accountoauth.login.CustomerAuthenticator;
import io.accountoauth.login.KnownBrowsers;
import io.accountoauth.oauth.RegistrationLimit;
import io.accountoauth.state.SharedState;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;

/**
 * Puts the server's clock and counters back as they are at start-up, so that a test class that shares the
 * server with others sees none of their failures: the clock unmoved, no failed login or wrong client secret
 * remembered, every address's registration allowance whole. What is in the database (apps, consents, grants)
 * stays. Present only in test deployments.
 */
@Path("reset")
@RequestScoped
public class ResetResource {

    static final List<String> COUNTERS = List.of(
            CustomerAuthenticator.FAILURES,
            CustomerAuthenticator.ADDRESS_FAILURES,
            CustomerAuthenticator.UNRECOGNISED_FAILURES,
            KnownBrowsers.BROWSERS,
            ClientAuthenticator.FAILURES,
            ClientAuthenticator.ADDRESS_FAILURES,
            RegistrationLimit.REGISTRATIONS);

    @Inject
    MovableClock clock;

    @Inject
    SharedState state;

    @POST
    public void reset() {
        clock.reset();
        COUNTERS.forEach(state::clear);
    }
}
