package io.accountoauth.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.accountoauth.account.Customer;
import io.accountoauth.account.CustomerRepository;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who the identity store lets in: in the sandbox any password of a known customer, in production the right one. */
class CustomerIdentityStoreTest {

    static Passwords passwords;
    static Customer dave;
    static Customer jane;

    @BeforeAll
    static void setUp() {
        passwords = PasswordsTest.passwords();
        dave = new Customer("dave", "Dave Thompson", "dave@example.com", "1 High St", "555-0100");
        dave.changePasswordHash(passwords.hash("correct horse".toCharArray()));
        jane = new Customer("jane", "Jane Doe", "jane@example.com", "2 High St", "555-0101");
    }

    static CustomerIdentityStore store(boolean anyPassword) {
        Map<String, Customer> known = Map.of("dave", dave, "jane", jane);
        CustomerIdentityStore store = new CustomerIdentityStore();
        store.customers = new CustomerRepository() {
            @Override
            public Optional<Customer> find(String username) {
                return Optional.ofNullable(known.get(username));
            }
        };
        store.passwords = passwords;
        store.anyPassword = anyPassword;
        return store;
    }

    static CredentialValidationResult validate(CustomerIdentityStore store, String user, String password) {
        return store.validate(new UsernamePasswordCredential(user, password));
    }

    @Test
    void whenSandboxThenAKnownCustomerLogsInWithAnyPasswordAsACustomer() {
        CredentialValidationResult result = validate(store(true), " jane ", "anything");
        assertEquals(CredentialValidationResult.Status.VALID, result.getStatus());
        assertEquals("jane", result.getCallerPrincipal().getName());
        assertEquals(Set.of(CustomerIdentityStore.CUSTOMER), result.getCallerGroups());
    }

    @Test
    void whenSandboxThenAnUnknownUserOrNoPasswordIsInvalid() {
        assertSame(CredentialValidationResult.INVALID_RESULT, validate(store(true), "mallory", "anything"));
        assertSame(CredentialValidationResult.INVALID_RESULT, validate(store(true), "dave", ""));
        assertSame(CredentialValidationResult.INVALID_RESULT, validate(store(true), "", "anything"));
        assertSame(CredentialValidationResult.INVALID_RESULT, validate(store(true), "dave", "x".repeat(1025)));
    }

    @Test
    void whenProductionThenOnlyTheRightPasswordOfACustomerWithAHashIsValid() {
        CustomerIdentityStore store = store(false);
        assertEquals(CredentialValidationResult.Status.VALID, validate(store, "dave", "correct horse").getStatus());
        assertSame(CredentialValidationResult.INVALID_RESULT, validate(store, "dave", "correct horsE"));
        assertSame(CredentialValidationResult.INVALID_RESULT, validate(store, "jane", "correct horse"));
        assertSame(CredentialValidationResult.INVALID_RESULT, validate(store, "mallory", "correct horse"));
    }
}
