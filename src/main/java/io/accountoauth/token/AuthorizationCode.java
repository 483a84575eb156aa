package io.accountoauth.token;

import java.time.Instant;

/**
 * What an authorization code stands for: who approved which client, for which redirect URI and scope.
 *
 * @param grantId       identifies the grant; every token issued from this code carries it
 * @param codeChallenge the PKCE S256 challenge the client sent with the authorization request, or null
 * @param redeemed      true once the code has been exchanged; a second exchange is a replay
 */
public record AuthorizationCode(
        String grantId,
        String clientId,
        String redirectUri,
        String customer,
        String scope,
        String codeChallenge,
        Instant expiresAt,
        boolean redeemed) implements Expiring {

    AuthorizationCode redeem() {
        return new AuthorizationCode(grantId, clientId, redirectUri, customer, scope, codeChallenge, expiresAt, true);
    }

    /** The grant that this code starts. */
    public Grant grant() {
        return new Grant(grantId, clientId, customer, scope);
    }
}
