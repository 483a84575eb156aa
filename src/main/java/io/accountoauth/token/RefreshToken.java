package io.accountoauth.token;

import java.time.Instant;

/**
 * An issued refresh token's meaning, as the database keeps it. A refresh token is used once: refreshing ends it
 * and issues a new one (rotation). An ended token stays known for a while, so that its reuse can be recognised
 * and its grant revoked.
 *
 * @param endedAt        when it was used up by a rotation, or null while it can be used
 * @param grantRevokedAt when its grant was revoked, or null
 */
public record RefreshToken(Grant grant, Instant issuedAt, Instant expiresAt, Instant endedAt, Instant grantRevokedAt)
        implements Expiring {

    public boolean ended() {
        return endedAt != null;
    }

    public boolean revoked() {
        return grantRevokedAt != null;
    }
}
