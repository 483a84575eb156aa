package io.accountoauth.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * SHA-256 of a code or token. The registry keys its entries by digest, so that the values themselves,
 * which are bearer credentials, are never held by the server after they have been handed out.
 */
public final class TokenDigest {

    /** A SHA-256 per thread: a MessageDigest is not thread-safe, and looking one up costs more than the digest. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    });

    private TokenDigest() {
    }

    public static String of(String value) {
        byte[] digest = SHA256.get().digest(value.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
