package io.accountoauth.token;

/**
 * The rules a code's exchange must pass, which the endpoint brings and the registry applies once the code is
 * claimed: a broken rule throws, and the code is used up all the same, so that it cannot be tried again.
 */
@FunctionalInterface
public interface CodeRules {

    /** Throws when the exchange of this code breaks a rule. */
    void check(AuthorizationCode code);

    /**
     * Whether the grant's refresh tokens are bound to the exchange's DPoP key: a public client's are (RFC 9449 §5.0),
     * as it has no other way to prove they are its own.
     */
    default boolean bindsRefreshTokens() {
        return false;
    }
}
