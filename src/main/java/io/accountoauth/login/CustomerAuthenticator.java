package io.accountoauth.login;

import io.accountoauth.account.Customer;
import io.accountoauth.account.CustomerRepository;
import io.accountoauth.platform.FailureThrottle;
import io.accountoauth.platform.RandomValues;
import io.accountoauth.state.SharedState;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a customer's credentials. In the sandbox (the default), as in the original, any non-empty password
 * is accepted for a known customer; with {@code sandbox.any-password=false} the password must match the
 * customer's PBKDF2 hash. Either way failures are throttled per account and per source address, an unknown
 * user costs the same as a wrong password, and no answer says whether the user exists.
 */
@ApplicationScoped
public class CustomerAuthenticator {

    @Inject
    CustomerRepository customers;

    /** Failed logins, per account and per source address, counted over every node. */
    public static final String FAILURES = "account-oauth.login-failures";

    @Inject
    SharedState state;

    @Inject
    Clock clock;

    private FailureThrottle throttle;

    @PostConstruct
    void init() {
        throttle = FailureThrottle.bruteForce(state, FAILURES, clock);
    }

    @Inject
    @ConfigProperty(name = "sandbox.any-password", defaultValue = "true")
    boolean anyPassword;

    /** What an unknown user's password is checked against, so that it takes as long as a known user's. */
    private volatile String decoyHash;

    public LoginOutcome authenticate(String username, String password, String address) {
        String name = username == null ? "" : username.strip();
        String accountKey = "account:" + name.toLowerCase(Locale.ROOT);
        String addressKey = "address:" + address;
        Optional<java.time.Duration> wait = throttle.waitFor(accountKey).or(() -> throttle.waitFor(addressKey));
        if (wait.isPresent()) {
            return new LoginOutcome.CoolingDown(wait.get());
        }
        Optional<Customer> customer = verify(name, password);
        if (customer.isEmpty()) {
            // No credentials or failed authentication: counted against the account and the address
            throttle.failed(accountKey);
            throttle.failed(addressKey);
            return new LoginOutcome.Refused();
        }
        throttle.succeeded(accountKey);
        return new LoginOutcome.LoggedIn(customer.get());
    }

    /** The message a login page shows for an outcome that is not a login. */
    public static String message(LoginOutcome outcome) {
        return LoginOutcome.message(outcome);
    }

    private Optional<Customer> verify(String name, String password) {
        if (name.isEmpty() || password == null || password.isEmpty() || password.length() > 1024) {
            return Optional.empty();
        }
        Optional<Customer> customer = customers.find(name);
        if (anyPassword) {
            return customer;
        }
        String hash = customer.map(Customer::passwordHash).orElse(null);
        boolean matches = PasswordHashes.verify(password.toCharArray(), hash != null ? hash : decoyHash());
        return matches && hash != null ? customer : Optional.empty();
    }

    private String decoyHash() {
        if (decoyHash == null) {
            decoyHash = PasswordHashes.hash(RandomValues.next().toCharArray());
        }
        return decoyHash;
    }
}
