package io.accountoauth.demo;

import java.security.SecureRandom;
import java.util.Base64;

/** Random values for the app's state and PKCE verifier. */
final class Randoms {

    private Randoms() {
    }

    static String base64Url(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
