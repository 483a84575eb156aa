package io.accountoauth.token;

import java.time.Instant;

/** An issued access token's meaning: the customer who granted it, the client holding it, its scope and end. */
public record AccessToken(String grantId, String clientId, String customer, String scope, Instant expiresAt) {

    boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
