package io.accountoauth.token;

/** The outcome of a refresh: new tokens, or why the registry refused them. */
public sealed interface Refreshing {

    record Refreshed(IssuedTokens tokens) implements Refreshing {
    }

    record Refused(Reason reason) implements Refreshing {
    }

    /** Why the registry refused a refresh token, whatever the rules said. */
    enum Reason {
        /** Never issued, expired, revoked, or ended so long ago that it is forgotten. */
        UNKNOWN,
        /** Used before: the grant is revoked. */
        REUSED,
        /** The grant or its consent was revoked while the tokens were being issued. */
        REVOKED
    }
}
