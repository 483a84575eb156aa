package io.accountoauth.token;

import java.time.Instant;

/**
 * What an authorization code stands for: the grant it starts, the redirect URI it was issued for, and the
 * PKCE challenge it is bound to.
 *
 * @param codeChallenge the PKCE S256 challenge the client sent with the authorization request, or null
 * @param redeemed      true once the code has been exchanged; a second exchange is a replay
 */
public record AuthorizationCode(
        Grant grant,
        String redirectUri,
        String codeChallenge,
        Instant expiresAt,
        boolean redeemed) implements Expiring {

    AuthorizationCode redeem() {
        return new AuthorizationCode(grant, redirectUri, codeChallenge, expiresAt, true);
    }

    public String grantId() {
        return grant.grantId();
    }

    public String clientId() {
        return grant.clientId();
    }

    public String scope() {
        return grant.scope();
    }
}
