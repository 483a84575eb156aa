package io.accountoauth.token;

import java.time.Instant;

/** An issued access token's meaning: the grant it belongs to, its scope, and when it was issued and ends. */
public record AccessToken(Grant grant, Instant issuedAt, Instant expiresAt) implements Expiring {

    public String clientId() {
        return grant.clientId();
    }

    public String customer() {
        return grant.customer();
    }

    public String scope() {
        return grant.scope();
    }
}
