package io.accountoauth.login;

import io.accountoauth.platform.ClientAddresses;
import io.accountoauth.platform.FailureThrottle;
import io.accountoauth.platform.Settings;
import io.accountoauth.platform.SlidingWindowLimiter;
import io.accountoauth.state.SharedState;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Logs a customer in to a browser session: the credential goes to Jakarta Security's identity stores
 * ({@link CustomerIdentityStore}, through the {@code IdentityStoreHandler}), and the customer it names is kept in
 * {@link CustomerSession}.
 *
 * <p>Failures are throttled so that nobody can lock another customer out, and a guesser spread over many
 * addresses still gets a bounded number of guesses (OWASP's authentication guidance, RFC 9700 §4.15):
 * <ul>
 * <li>per account and source address: five failures, then a cool-down of 30 seconds doubling up to an hour;
 * <li>per source address, over every account: ten failures, then the same cool-downs;
 * <li>per account, with real passwords ({@code sandbox.any-password=false}): at most
 * {@value #UNRECOGNISED_FAILURES_PER_HOUR} failures an hour from browsers the customer has never logged in from
 * ({@link KnownBrowsers}); beyond them such browsers wait, while a browser the customer has used before is
 * still checked, from any address, under its own five-failure throttle.
 * </ul>
 * A throttled attempt is not checked at all, and a right password is never counted as a failure. Real passwords
 * are checked through the {@link HashingGate}, which keeps their hashing to half the cores.
 *
 * <p>There is no {@code HttpAuthenticationMechanism}: with one, the container would run Jakarta Authentication on
 * every request, every API call and token request included, to log in a customer that only the login, consent and
 * dashboard pages ask for.
 */
@ApplicationScoped
public class CustomerAuthenticator {

    /** Failed logins per account and source address, and per known browser, counted over every node. */
    public static final String FAILURES = "account-oauth.login-failures";
    /** Failed logins per source address, over every account. */
    public static final String ADDRESS_FAILURES = "account-oauth.login-failures-per-address";
    /** Failed logins per account from browsers it does not know, over the last hour. */
    public static final String UNRECOGNISED_FAILURES = "account-oauth.login-failures-unrecognised";

    public static final int ADDRESS_FREE_FAILURES = 10;
    public static final int UNRECOGNISED_FAILURES_PER_HOUR = 20;
    private static final Duration HOUR = Duration.ofHours(1);

    @Inject
    SharedState state;

    @Inject
    Clock clock;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    CustomerSession session;

    @Inject
    ClientAddresses addresses;

    @Inject
    KnownBrowsers browsers;

    @Inject
    HashingGate hashing;

    private boolean anyPassword = true;

    @Inject
    void configure(Settings settings) {
        anyPassword = settings.anyPassword();
    }

    private FailureThrottle throttle;
    private FailureThrottle addressThrottle;
    private SlidingWindowLimiter unrecognised;

    @PostConstruct
    void init() {
        throttle = FailureThrottle.bruteForce(state, FAILURES, clock);
        addressThrottle = FailureThrottle.bruteForce(state, ADDRESS_FAILURES, ADDRESS_FREE_FAILURES, clock);
        unrecognised = new SlidingWindowLimiter(state.map(UNRECOGNISED_FAILURES, HOUR),
                UNRECOGNISED_FAILURES_PER_HOUR, HOUR, clock);
    }

    /**
     * Checks the credentials; on success the customer is logged in to this browser session, and the account
     * knows this browser from now on.
     */
    public LoginOutcome logIn(String username, String password, HttpServletRequest request,
            HttpServletResponse response) {
        String name = username == null ? "" : username.strip();
        String account = name.toLowerCase(Locale.ROOT);
        String address = addresses.key(request);
        Optional<String> browser = browsers.recognised(account, request);
        String accountKey = browser.map(b -> "browser:" + account + " " + b).orElse("account:" + account + " " + address);
        String addressKey = "address:" + address;
        Optional<Duration> wait = throttle.waitFor(accountKey).or(() -> addressThrottle.waitFor(addressKey));
        if (wait.isPresent()) {
            return new LoginOutcome.CoolingDown(wait.get());
        }
        // With real passwords, an unknown browser's attempt takes one of the account's guesses for the hour first
        boolean counted = !anyPassword && browser.isEmpty();
        if (counted) {
            Optional<Duration> accountWait = unrecognised.tryAcquire(account);
            if (accountWait.isPresent()) {
                return new LoginOutcome.Protected(accountWait.get());
            }
        }
        UsernamePasswordCredential credential = new UsernamePasswordCredential(name, password == null ? "" : password);
        // Real passwords cost a PBKDF2 hash each: those checks take their turn at the gate
        Optional<CredentialValidationResult> checked = anyPassword
                ? Optional.of(identityStores.validate(credential))
                : hashing.run(() -> identityStores.validate(credential));
        if (checked.isEmpty()) {
            if (counted) {
                unrecognised.release(account);
            }
            return new LoginOutcome.Busy();
        }
        CredentialValidationResult result = checked.get();
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            // No credentials or failed authentication: counted against the account here and the address
            throttle.failed(accountKey);
            addressThrottle.failed(addressKey);
            return new LoginOutcome.Refused();
        }
        if (counted) {
            unrecognised.release(account);
        }
        throttle.succeeded(accountKey);
        String customer = result.getCallerPrincipal().getName();
        session.logIn(customer);
        browsers.remember(customer, request, response);
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
