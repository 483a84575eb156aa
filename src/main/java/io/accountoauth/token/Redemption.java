package io.accountoauth.token;

/**
 * The outcome of exchanging an authorization code: the code's meaning and the tokens issued for it, or why it
 * was refused. Every refusal is {@code invalid_grant} on the wire (RFC 6749 §5.2); the reason makes the
 * description.
 */
public sealed interface Redemption {

    record Granted(AuthorizationCode code, IssuedTokens tokens) implements Redemption {
    }

    record Refused(String reason) implements Redemption {
    }
}
