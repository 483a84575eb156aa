package io.accountoauth.oauth;

import io.accountoauth.platform.Settings;
import io.accountoauth.platform.SlidingWindowLimiter;
import io.accountoauth.state.SharedState;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Limits how many clients one source address may register per hour, counted over every node. Only registrations
 * that made a client count.
 */
@ApplicationScoped
public class RegistrationLimit {

    private static final Duration WINDOW = Duration.ofHours(1);

    /** Registrations per source address over the last hour, counted over every node. */
    public static final String REGISTRATIONS = "account-oauth.registrations";

    @Inject
    Clock clock;

    @Inject
    SharedState state;

    @Inject
    Settings settings;

    private SlidingWindowLimiter limiter;

    @PostConstruct
    void init() {
        limiter = new SlidingWindowLimiter(state.map(REGISTRATIONS, WINDOW), settings.registrationsPerAddressPerHour(), WINDOW,
                clock);
    }

    /** Gives back the registration counted last for this address, for a registration that was refused. */
    public void release(String address) {
        limiter.release(address);
    }

    /** @throws OAuthException 429 with {@code Retry-After} when the address has used up its registrations */
    public void check(String address) {
        Optional<Duration> wait = limiter.tryAcquire(address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw new OAuthException(Status.TOO_MANY_REQUESTS, "temporarily_unavailable",
                    "Too many registrations from this address; try again in " + seconds + " seconds.")
                    .withHeader("Retry-After", Long.toString(seconds));
        }
    }
}
