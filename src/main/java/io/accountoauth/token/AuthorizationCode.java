package io.accountoauth.token;

import java.time.Instant;

/**
 * What an authorization code stands for: who approved which client, for which redirect URI and scope.
 *
 * @param grantId     identifies the grant; every token issued from this code carries it
 * @param redeemed    true once the code has been exchanged; a second exchange is a replay
 */
public record AuthorizationCode(
        String grantId,
        String clientId,
        String redirectUri,
        String customer,
        String scope,
        Instant expiresAt,
        boolean redeemed) {

    AuthorizationCode redeem() {
        return new AuthorizationCode(grantId, clientId, redirectUri, customer, scope, expiresAt, true);
    }

    boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
