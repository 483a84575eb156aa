package io.accountoauth.testsupport;

import io.accountoauth.account.CustomerRepository;
import io.accountoauth.login.Passwords;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/** Gives dave a real password, for test deployments that run in production mode. */
@ApplicationScoped
public class TestPasswords {

    public static final String DAVE = "correct horse battery staple";

    @Inject
    CustomerRepository customers;

    @Inject
    Passwords passwords;

    /** After the sandbox data is in. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) @Initialized(ApplicationScoped.class)
            Object event) {
        customers.changePasswordHash("dave", passwords.hash(DAVE.toCharArray()));
    }
}
