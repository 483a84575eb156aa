package io.accountoauth.web;

import io.accountoauth.platform.RandomValues;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The per-session token that every state-changing form of the customer's pages carries, so that a form
 * posted from another site, or from another session, changes nothing.
 */
public final class CsrfTokens {

    /** The form field that carries the token. */
    public static final String FIELD = "_csrf";
    static final String ATTRIBUTE = CsrfTokens.class.getName();

    private CsrfTokens() {
    }

    /** The session's token, made on first use. */
    public static String of(HttpSession session) {
        synchronized (session) {
            Object token = session.getAttribute(ATTRIBUTE);
            if (token instanceof String value) {
                return value;
            }
            return rotate(session);
        }
    }

    /** A new token for the session, as after a login. */
    public static String rotate(HttpSession session) {
        String token = RandomValues.next();
        session.setAttribute(ATTRIBUTE, token);
        return token;
    }

    /** True when the session has a token and {@code presented} is it, compared in constant time. */
    public static boolean matches(HttpSession session, String presented) {
        if (session == null || presented == null) {
            return false;
        }
        Object token = session.getAttribute(ATTRIBUTE);
        return token instanceof String expected && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }
}
