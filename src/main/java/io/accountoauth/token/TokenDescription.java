package io.accountoauth.token;

import java.time.Instant;

/**
 * What the registry knows of a live token, for introspection.
 *
 * @param jkt the thumbprint of the key a DPoP-bound access token is bound to, or null
 */
public record TokenDescription(Kind kind, Grant grant, Instant issuedAt, Instant expiresAt, String jkt) {

    public TokenDescription(Kind kind, Grant grant, Instant issuedAt, Instant expiresAt) {
        this(kind, grant, issuedAt, expiresAt, null);
    }

    public enum Kind {
        ACCESS_TOKEN, REFRESH_TOKEN
    }
}
