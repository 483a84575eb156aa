package io.accountoauth.token;

import io.accountoauth.state.Fields;
import java.time.Instant;

/**
 * An issued access token's meaning: the grant it belongs to, its scope, when it was issued and ends, and, for a
 * DPoP-bound token (RFC 9449), the SHA-256 thumbprint of the key that must prove each use.
 *
 * @param jkt the bound key's JWK thumbprint (RFC 7638), base64url; null for a bearer token
 */
public record AccessToken(Grant grant, Instant issuedAt, Instant expiresAt, String jkt) implements Expiring {

    public AccessToken(Grant grant, Instant issuedAt, Instant expiresAt) {
        this(grant, issuedAt, expiresAt, null);
    }

    /** Whether each use must come with a DPoP proof of the bound key. */
    public boolean isDPoPBound() {
        return jkt != null;
    }

    public String clientId() {
        return grant.clientId();
    }

    public String customer() {
        return grant.customer();
    }

    public String scope() {
        return grant.scope();
    }

    String pack() {
        return Fields.pack(grant.pack(), Long.toString(issuedAt.toEpochMilli()),
                Long.toString(expiresAt.toEpochMilli()), jkt);
    }

    static AccessToken unpack(String packed) {
        String[] f = Fields.unpack(packed);
        // A node of the previous version wrote three fields: a bearer token
        return new AccessToken(Grant.unpack(f[0]), Instant.ofEpochMilli(Long.parseLong(f[1])),
                Instant.ofEpochMilli(Long.parseLong(f[2])), f.length > 3 ? f[3] : null);
    }
}
