package io.accountoauth.token;

/** The outcome of exchanging an authorization code: the code's meaning and the tokens issued for it, or why not. */
public sealed interface Redemption {

    record Granted(AuthorizationCode code, IssuedTokens tokens) implements Redemption {
    }

    record Refused(Reason reason) implements Redemption {
    }

    /** Why the registry refused a code, whatever the rules said. */
    enum Reason {
        /** No such code: never issued, or forgotten. */
        UNKNOWN,
        EXPIRED,
        /** Presented before: the grant it started is revoked. */
        REPLAYED,
        /** The consent behind the code was revoked meanwhile. */
        CONSENT_REVOKED
    }
}
