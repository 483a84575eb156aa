package io.accountoauth.health;

import io.accountoauth.state.SharedState;
import io.accountoauth.token.TokenRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the shared state that holds codes and access tokens answers. Its data says where it is
 * ({@code grid} or {@code local}), how many nodes share it, and how many codes and tokens it holds.
 */
@Readiness
@ApplicationScoped
public class TokenStoreCheck implements HealthCheck {

    static final String NAME = "token-store";

    @Inject
    SharedState state;

    @Inject
    TokenRegistry registry;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named(NAME).up()
                    .withData("store", state.kind())
                    .withData("members", state.members())
                    .withData("entries", registry.size())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(NAME).down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
