package io.accountoauth.oauth;

import io.accountoauth.token.TokenDigest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * Proof Key for Code Exchange with the {@code S256} method only: the challenge is
 * BASE64URL(SHA-256(verifier)), and both are 43 to 128 unreserved characters.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4">RFC 7636 §4</a>
 */
public final class Pkce {

    public static final String S256 = "S256";
    private static final Pattern UNRESERVED_43_TO_128 = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    private Pkce() {
    }

    /** RFC 7636 §4.2: a challenge of the S256 method is 43 unreserved characters; the grammar allows 43 to 128. */
    public static boolean isWellFormed(String challengeOrVerifier) {
        return challengeOrVerifier != null && UNRESERVED_43_TO_128.matcher(challengeOrVerifier).matches();
    }

    /** RFC 7636 §4.6: the verifier matches when its S256 transform equals the challenge, compared in constant time. */
    public static boolean verifies(String verifier, String challenge) {
        if (!isWellFormed(verifier) || challenge == null) {
            return false;
        }
        return MessageDigest.isEqual(TokenDigest.of(verifier).getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }
}
