package io.accountoauth.token;

/**
 * The rules a code's exchange must pass, which the endpoint brings and the registry applies once the code is
 * claimed: a broken rule throws, and the code is used up all the same, so that it cannot be tried again.
 */
@FunctionalInterface
public interface CodeRules {

    /** Throws when the exchange of this code breaks a rule. */
    void check(AuthorizationCode code);
}
