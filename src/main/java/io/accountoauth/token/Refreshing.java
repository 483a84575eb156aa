package io.accountoauth.token;

/** The outcome of a refresh: new tokens, or the RFC 6749 §5.2 error code and why they were refused. */
public sealed interface Refreshing {

    record Refreshed(IssuedTokens tokens) implements Refreshing {
    }

    record Refused(String error, String reason) implements Refreshing {
    }
}
