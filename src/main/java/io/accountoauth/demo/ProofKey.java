package io.accountoauth.demo;

import java.io.Serializable;
import java.security.SecureRandom;

/**
 * The app's PKCE pair for one authorization request: a random verifier it keeps, and the S256 challenge
 * it sends, BASE64URL(SHA-256(verifier)).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.1">RFC 7636 §4.1, §4.2</a>
 */
record ProofKey(String verifier, String challenge) implements Serializable {

    static final String METHOD = "S256";
    private static final int VERIFIER_BYTES = 32; // 256 bits: 43 base64url characters

    static ProofKey generate(SecureRandom random) {
        return of(Randoms.base64Url(random, VERIFIER_BYTES));
    }

    static ProofKey of(String verifier) {
        return new ProofKey(verifier, challengeOf(verifier));
    }

    static String challengeOf(String verifier) {
        return Digests.sha256Base64Url(verifier);
    }
}
