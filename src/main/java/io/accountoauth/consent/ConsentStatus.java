package io.accountoauth.consent;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a consent stands, as open-banking account-access consents name it. The only transitions are
 * AWAITING_AUTHORISATION to AUTHORISED or REJECTED, and AUTHORISED to REVOKED or EXPIRED.
 */
public enum ConsentStatus {
    AWAITING_AUTHORISATION,
    AUTHORISED,
    REJECTED,
    REVOKED,
    EXPIRED;

    /** The statuses this one may become. */
    public Set<ConsentStatus> next() {
        return switch (this) {
            case AWAITING_AUTHORISATION -> EnumSet.of(AUTHORISED, REJECTED);
            case AUTHORISED -> EnumSet.of(REVOKED, EXPIRED);
            case REJECTED, REVOKED, EXPIRED -> EnumSet.noneOf(ConsentStatus.class);
        };
    }

    public boolean canBecome(ConsentStatus target) {
        return next().contains(target);
    }
}
