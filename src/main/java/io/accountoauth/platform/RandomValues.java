package io.accountoauth.platform;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The one source of unguessable values: codes, tokens, grant, consent and client ids, client secrets, request
 * handles, form tokens and decoy passwords all come from here.
 */
public final class RandomValues {

    /** 256 bits: well above the 128 bits that RFC 6749 §10.10 asks of anything guarding access. */
    static final int BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomValues() {
    }

    /** A new random value of 256 bits, base64url without padding (43 characters). */
    public static String next() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
