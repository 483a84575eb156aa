package io.accountoauth.login;

import io.accountoauth.platform.FailureThrottle;
import io.accountoauth.state.SharedState;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Logs a customer in to a browser session: the credential goes to Jakarta Security's identity stores
 * ({@link CustomerIdentityStore}, through the {@code IdentityStoreHandler}), and the customer it names is kept in
 * {@link CustomerSession}. Failures are throttled per account and per source address: after five, further attempts
 * wait, doubling up to an hour. A throttled attempt is not checked at all.
 *
 * <p>There is no {@code HttpAuthenticationMechanism}: with one, the container would run Jakarta Authentication on
 * every request, every API call and token request included, to log in a customer that only the login, consent and
 * dashboard pages ask for.
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
    IdentityStoreHandler identityStores;

    @Inject
    CustomerSession session;

    private FailureThrottle throttle;

    @PostConstruct
    void init() {
        throttle = FailureThrottle.bruteForce(state, FAILURES, clock);
    }

    /** Checks the credentials; on success the customer is logged in to this browser session. */
    public LoginOutcome logIn(String username, String password, HttpServletRequest request) {
        String name = username == null ? "" : username.strip();
        String accountKey = "account:" + name.toLowerCase(Locale.ROOT);
        String addressKey = "address:" + request.getRemoteAddr();
        Optional<Duration> wait = throttle.waitFor(accountKey).or(() -> throttle.waitFor(addressKey));
        if (wait.isPresent()) {
            return new LoginOutcome.CoolingDown(wait.get());
        }
        CredentialValidationResult result =
                identityStores.validate(new UsernamePasswordCredential(name, password == null ? "" : password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            // No credentials or failed authentication: counted against the account and the address
            throttle.failed(accountKey);
            throttle.failed(addressKey);
            return new LoginOutcome.Refused();
        }
        throttle.succeeded(accountKey);
        String customer = result.getCallerPrincipal().getName();
        session.logIn(customer);
        return new LoginOutcome.LoggedIn(customer);
    }

    /**
     * The customer logged in to this browser session, if any. A request without an HTTP session has none, and asking
     * never starts one: an app's call must not get a session cookie.
     */
    public Optional<String> loggedIn(HttpServletRequest request) {
        return request.getSession(false) == null ? Optional.empty() : Optional.ofNullable(session.customer());
    }

    /** Ends the customer's login in this browser session. */
    public void logOut() {
        session.logOut();
    }
}
