package io.accountoauth.oauth;

import io.accountoauth.client.Client;
import io.accountoauth.token.AuthorizationCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Proof Key for Code Exchange, both sides: the challenge an authorization request brings, and the verifier the
 * code's exchange must prove it with. S256 only, and always from a public client.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636">RFC 7636</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-2.1.1">RFC 9700 §2.1.1</a>
 */
public final class Pkce {

    public static final String S256 = "S256";
    private static final Pattern UNRESERVED_43_TO_128 = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    private Pkce() {
    }

    /**
     * The challenge of an authorization request, or null where the client sent none (RFC 7636 §4.3, §4.4.1).
     *
     * @throws OAuthException {@code invalid_request} for another method than S256, a malformed challenge, or a
     *                        public client without one
     */
    public static String challenge(RequestParameters parameters, Client client) {
        String challenge = parameters.optional("code_challenge");
        String method = parameters.optional("code_challenge_method");
        if (challenge == null) {
            if (method != null) {
                throw OAuthException.invalidRequest("code_challenge_method was sent without a code_challenge.");
            }
            if (client.isPublic()) {
                throw OAuthException.invalidRequest("A public client must use PKCE: send a code_challenge (S256).");
            }
            return null;
        }
        if (!S256.equals(method)) {
            throw OAuthException.invalidRequest("Only code_challenge_method=S256 is supported.");
        }
        if (!isWellFormed(challenge)) {
            throw OAuthException.invalidRequest("The code_challenge must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~.");
        }
        return challenge;
    }

    /**
     * Checks the verifier a code's exchange brings against the code's challenge (RFC 7636 §4.6).
     *
     * @param verifier the code_verifier sent, or null
     * @throws OAuthException {@code invalid_grant} when the proof fails
     */
    public static void verify(AuthorizationCode code, String verifier) {
        if (code.codeChallenge() == null) {
            if (verifier != null) {
                throw OAuthException.invalidGrant("A code_verifier was sent for a code issued without a code_challenge.");
            }
            return;
        }
        if (verifier == null) {
            throw OAuthException.invalidGrant("The code_verifier is missing; the code was issued with a code_challenge.");
        }
        if (!verifies(verifier, code.codeChallenge())) {
            throw OAuthException.invalidGrant("The code_verifier does not match the code_challenge.");
        }
    }

    /** RFC 7636 §4.2: a challenge of the S256 method is 43 unreserved characters; the grammar allows 43 to 128. */
    static boolean isWellFormed(String challengeOrVerifier) {
        return challengeOrVerifier != null && UNRESERVED_43_TO_128.matcher(challengeOrVerifier).matches();
    }

    /** The verifier matches when its S256 transform equals the challenge, compared in constant time. */
    static boolean verifies(String verifier, String challenge) {
        if (!isWellFormed(verifier) || challenge == null) {
            return false;
        }
        return MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code BASE64URL(SHA256(ASCII(code_verifier)))}, without padding (RFC 7636 §4.2). */
    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
