package io.accountoauth.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** BASE64URL(SHA-256(ASCII)): PKCE's S256 challenge (RFC 7636 §4.2) and DPoP's {@code ath} (RFC 9449 §4.2). */
final class Digests {

    private Digests() {
    }

    static String sha256Base64Url(String ascii) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ascii.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
