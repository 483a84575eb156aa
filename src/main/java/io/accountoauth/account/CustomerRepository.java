package io.accountoauth.account;

import io.accountoauth.platform.Identifiers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Customers and their accounts, in the database. */
@ApplicationScoped
public class CustomerRepository {

    @PersistenceContext
    private EntityManager em;

    public Optional<Customer> find(String username) {
        if (!Identifiers.plausible(username)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Customer.class, username));
    }

    public Optional<Account> findAccount(String username) {
        if (!Identifiers.plausible(username)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Account.class, username));
    }

    /** Sets a customer's password hash (production mode); see {@code PasswordHashes}. */
    @Transactional
    public void changePasswordHash(String username, String hash) {
        find(username).ifPresent(customer -> customer.changePasswordHash(hash));
    }

    @Transactional
    public void addIfAbsent(Customer customer, java.math.BigDecimal balance) {
        if (em.find(Customer.class, customer.username()) == null) {
            em.persist(customer);
            em.persist(new Account(customer, balance));
        }
    }
}
