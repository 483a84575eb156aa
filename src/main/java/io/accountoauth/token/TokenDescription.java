package io.accountoauth.token;

import java.time.Instant;

/** What the registry knows of a live token, for introspection. */
public record TokenDescription(Kind kind, Grant grant, Instant issuedAt, Instant expiresAt) {

    public enum Kind {
        ACCESS_TOKEN, REFRESH_TOKEN
    }
}
