package io.accountoauth.token;

import io.accountoauth.state.Fields;
import java.time.Instant;

/**
 * One authorization: a customer's approval of a client for a scope, under a consent. The tokens issued
 * under it, first from its code and then by refreshing, share its id, end together when it is revoked, and
 * never outlive {@code notAfter}, the end of the consent.
 */
public record Grant(String grantId, String clientId, String customer, String scope, String consentId,
        Instant notAfter) {

    /** The same grant, narrowed to a scope it covers. */
    public Grant withScope(String narrower) {
        return new Grant(grantId, clientId, customer, narrower, consentId, notAfter);
    }

    /** The earlier of {@code end} and the end of the consent. */
    Instant cap(Instant end) {
        return notAfter != null && notAfter.isBefore(end) ? notAfter : end;
    }

    String pack() {
        return Fields.pack(grantId, clientId, customer, scope, consentId,
                notAfter == null ? null : Long.toString(notAfter.toEpochMilli()));
    }

    static Grant unpack(String packed) {
        String[] f = Fields.unpack(packed);
        return new Grant(f[0], f[1], f[2], f[3], f[4], f[5] == null ? null : Instant.ofEpochMilli(Long.parseLong(f[5])));
    }
}
