package io.accountoauth.token;

/**
 * The outcome of exchanging an authorization code: the code's meaning, or why it was refused.
 * Every refusal is {@code invalid_grant} on the wire (RFC 6749 §5.2); the reason makes the description.
 */
public sealed interface Redemption {

    record Granted(AuthorizationCode code) implements Redemption {
    }

    record Refused(String reason) implements Redemption {
    }
}
