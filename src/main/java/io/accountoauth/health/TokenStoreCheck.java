package io.accountoauth.health;

import io.accountoauth.token.TokenRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the in-memory registry of codes and tokens answers; its data is how many entries it holds. */
@Readiness
@ApplicationScoped
public class TokenRegistryCheck implements HealthCheck {

    static final String NAME = "token-registry";

    @Inject
    TokenRegistry registry;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).up().withData("entries", registry.size()).build();
    }
}
