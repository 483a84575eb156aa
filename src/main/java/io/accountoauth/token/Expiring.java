package io.accountoauth.token;

import java.time.Instant;

/** Something the registry holds until a moment, and never after. */
interface Expiring {

    Instant expiresAt();

    default boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt());
    }
}
