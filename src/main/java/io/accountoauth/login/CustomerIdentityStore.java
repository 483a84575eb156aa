package io.accountoauth.login;

import io.accountoauth.account.Customer;
import io.accountoauth.account.CustomerRepository;
import io.accountoauth.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;

/**
 * The bank's customers as Jakarta Security sees them. In the sandbox (the default), as in the original, any
 * non-empty password is accepted for a known customer; with {@code sandbox.any-password=false} the password must
 * match the customer's PBKDF2 hash ({@link Passwords}). An unknown user costs the same as a wrong password, and the
 * result never says which it was.
 */
@ApplicationScoped
public class CustomerIdentityStore implements IdentityStore {

    /** The one group a logged-in customer is in. */
    public static final String CUSTOMER = "customer";

    @Inject
    CustomerRepository customers;

    @Inject
    Passwords passwords;

    boolean anyPassword = true;

    @Inject
    void configure(Settings settings) {
        anyPassword = settings.anyPassword();
    }

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String name = credential.getCaller() == null ? "" : credential.getCaller().strip();
        String password = credential.getPasswordAsString();
        if (name.isEmpty() || password == null || password.isEmpty() || password.length() > 1024) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<Customer> customer = customers.find(name);
        boolean valid = anyPassword ? customer.isPresent()
                : passwords.matches(password.toCharArray(), customer.map(Customer::passwordHash).orElse(null));
        return valid ? new CredentialValidationResult(customer.get().username(), Set.of(CUSTOMER))
                : CredentialValidationResult.INVALID_RESULT;
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE);
    }
}
