package io.accountoauth.platform;

import io.accountoauth.state.SharedState;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * The brute-force limits: after 5 failed customer logins, or 5 wrong client secrets, for one account, client
 * or source address, further attempts wait 30 seconds, then twice as long after each further failure, up to
 * an hour. Fifteen quiet minutes after the last cool-down forget the failures. Every node counts on the same
 * shared state.
 */
@ApplicationScoped
public class Throttles {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_COOLDOWN = Duration.ofSeconds(30);
    static final Duration MAX_COOLDOWN = Duration.ofHours(1);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);

    @Inject
    Clock clock;

    @Inject
    SharedState state;

    private FailureThrottle logins;
    private FailureThrottle clientSecrets;

    @PostConstruct
    void init() {
        logins = throttle("account-oauth.login-failures");
        clientSecrets = throttle("account-oauth.client-secret-failures");
    }

    private FailureThrottle throttle(String name) {
        return new FailureThrottle(state.map(name, FailureThrottle.retention(MAX_COOLDOWN, FORGET_AFTER)),
                FREE_FAILURES, FIRST_COOLDOWN, MAX_COOLDOWN, FORGET_AFTER, clock);
    }

    public FailureThrottle logins() {
        return logins;
    }

    public FailureThrottle clientSecrets() {
        return clientSecrets;
    }
}
