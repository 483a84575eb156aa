package io.accountoauth.token;

import java.time.Instant;

/**
 * An issued refresh token's meaning. A refresh token is used once: refreshing ends it and issues a new one
 * (rotation); an ended token stays known until it would have expired, so that its reuse can be recognised.
 */
public record RefreshToken(Grant grant, Instant issuedAt, Instant expiresAt, boolean ended) implements Expiring {

    RefreshToken end() {
        return new RefreshToken(grant, issuedAt, expiresAt, true);
    }
}
