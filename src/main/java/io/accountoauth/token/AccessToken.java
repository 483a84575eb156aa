package io.accountoauth.token;

import io.accountoauth.state.Fields;
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

    String pack() {
        return Fields.pack(grant.pack(), Long.toString(issuedAt.toEpochMilli()),
                Long.toString(expiresAt.toEpochMilli()));
    }

    static AccessToken unpack(String packed) {
        String[] f = Fields.unpack(packed);
        return new AccessToken(Grant.unpack(f[0]), Instant.ofEpochMilli(Long.parseLong(f[1])),
                Instant.ofEpochMilli(Long.parseLong(f[2])));
    }
}
