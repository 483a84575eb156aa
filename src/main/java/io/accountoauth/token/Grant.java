package io.accountoauth.token;

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
}
