package io.accountoauth.token;

import io.accountoauth.state.Fields;
import java.time.Instant;

/**
 * What an authorization code stands for: the grant it starts, the redirect URI it was issued for, and the
 * PKCE challenge it is bound to.
 *
 * @param codeChallenge the PKCE S256 challenge the client sent with the authorization request, or null
 * @param redeemed      true once the code has been presented; a second presentation is a replay
 * @param dpopJkt       the thumbprint of the DPoP key the code's exchange must prove ({@code dpop_jkt}), or null
 */
public record AuthorizationCode(Grant grant, String redirectUri, String codeChallenge, Instant expiresAt,
        boolean redeemed, String dpopJkt) implements Expiring {

    public AuthorizationCode(Grant grant, String redirectUri, String codeChallenge, Instant expiresAt,
            boolean redeemed) {
        this(grant, redirectUri, codeChallenge, expiresAt, redeemed, null);
    }

    AuthorizationCode redeem() {
        return new AuthorizationCode(grant, redirectUri, codeChallenge, expiresAt, true, dpopJkt);
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

    String pack() {
        return Fields.pack(grant.pack(), redirectUri, codeChallenge, Long.toString(expiresAt.toEpochMilli()),
                redeemed ? "redeemed" : null, dpopJkt);
    }

    static AuthorizationCode unpack(String packed) {
        String[] f = Fields.unpack(packed);
        // A node of the previous version wrote five fields: a code bound to no key
        return new AuthorizationCode(Grant.unpack(f[0]), f[1], f[2], Instant.ofEpochMilli(Long.parseLong(f[3])),
                f[4] != null, f.length > 5 ? f[5] : null);
    }
}
