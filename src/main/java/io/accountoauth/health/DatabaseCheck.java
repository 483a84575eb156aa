package io.accountoauth.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the database answers a cheap query, the number of registered apps, within a short time. Apps
 * and consents live there, so without it no flow can complete.
 */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    static final String NAME = "database";
    /** Milliseconds the query may take before the database counts as not answering. */
    static final int QUERY_TIMEOUT_MILLIS = 2_000;

    @PersistenceContext
    EntityManager em;

    @Override
    public HealthCheckResponse call() {
        try {
            long clients = em.createQuery("SELECT COUNT(c) FROM Client c", Long.class)
                    .setHint("jakarta.persistence.query.timeout", QUERY_TIMEOUT_MILLIS)
                    .getSingleResult();
            return HealthCheckResponse.named(NAME).up().withData("clients", clients).build();
        } catch (RuntimeException e) {
            // Only the kind of failure: the message may name the database's address or user.
            return HealthCheckResponse.named(NAME).down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
