package io.accountoauth.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Liveness: the application is deployed and its beans answer. */
@Liveness
@ApplicationScoped
public class ApplicationCheck implements HealthCheck {

    static final String NAME = "application";

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up(NAME);
    }
}
