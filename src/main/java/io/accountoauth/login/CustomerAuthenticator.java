package io.accountoauth.login;

import io.accountoauth.account.Customer;
import io.accountoauth.account.CustomerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Checks a customer's credentials. In the sandbox, as in the original, any non-empty password is
 * accepted for a known customer.
 */
@ApplicationScoped
public class CustomerAuthenticator {

    @Inject
    CustomerRepository customers;

    public Optional<Customer> authenticate(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        return customers.find(username.strip());
    }
}
