package io.accountoauth.login;

import io.accountoauth.platform.FailureThrottle;
import io.accountoauth.state.SharedState;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Logs a customer in through Jakarta Security ({@code SecurityContext.authenticate}, answered by
 * {@link CustomerLoginMechanism} and {@link CustomerIdentityStore}), and throttles failures per account and per
 * source address: after five, further attempts wait, doubling up to an hour. A throttled attempt is not checked at
 * all.
 */
@ApplicationScoped
public class CustomerAuthenticator {

    /** Failed logins, per account and per source address, counted over every node. */
    public static final String FAILURES = "account-oauth.login-failures";

    @Inject
    SharedState state;

    @Inject
    Clock clock;

    @Inject
    SecurityContext security;

    private FailureThrottle throttle;

    @PostConstruct
    void init() {
        throttle = FailureThrottle.bruteForce(state, FAILURES, clock);
    }

    /** Checks the credentials; on success the customer is logged in to this browser session. */
    public LoginOutcome logIn(String username, String password, HttpServletRequest request,
            HttpServletResponse response) {
        String name = username == null ? "" : username.strip();
        String accountKey = "account:" + name.toLowerCase(Locale.ROOT);
        String addressKey = "address:" + request.getRemoteAddr();
        Optional<Duration> wait = throttle.waitFor(accountKey).or(() -> throttle.waitFor(addressKey));
        if (wait.isPresent()) {
            return new LoginOutcome.CoolingDown(wait.get());
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(name, password == null ? "" : password))
                .newAuthentication(true));
        Principal customer = request.getUserPrincipal();
        if (status != AuthenticationStatus.SUCCESS || customer == null) {
            // No credentials or failed authentication: counted against the account and the address
            throttle.failed(accountKey);
            throttle.failed(addressKey);
            return new LoginOutcome.Refused();
        }
        throttle.succeeded(accountKey);
        return new LoginOutcome.LoggedIn(customer.getName());
    }

    /**
     * The customer logged in to this browser session, if any: the caller the container authenticated for this
     * request. (The servlet request's principal, which is null for a caller not logged in on every server; WildFly's
     * {@code SecurityContext.getCallerPrincipal()} names such a caller "anonymous".)
     */
    public Optional<String> loggedIn(HttpServletRequest request) {
        return Optional.ofNullable(request.getUserPrincipal()).map(Principal::getName);
    }

    /** Ends the customer's login in this browser session. */
    public void logOut(HttpServletRequest request) {
        try {
            request.logout();
        } catch (ServletException e) {
            throw new IllegalStateException("the container refused to log out", e);
        }
    }
}
