package io.accountoauth.token;

import java.time.Duration;
import java.time.Instant;

/**
 * An issued refresh token's meaning. A refresh token is used once: refreshing ends it and issues a new one
 * (rotation). An ended token stays known for a day, so that its reuse can be recognised and its grant revoked.
 */
public record RefreshToken(Grant grant, Instant issuedAt, Instant expiresAt, boolean ended) implements Expiring {

    /** How long an ended refresh token is remembered, to catch its reuse. */
    static final Duration REUSE_DETECTION = Duration.ofDays(1);

    RefreshToken end(Instant now) {
        Instant forgetAt = now.plus(REUSE_DETECTION);
        return new RefreshToken(grant, issuedAt, forgetAt.isBefore(expiresAt) ? forgetAt : expiresAt, true);
    }
}
