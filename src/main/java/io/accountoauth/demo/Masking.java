package io.accountoauth.demo;

import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Shortens secrets for display: the first four characters, then an ellipsis and the length
 * ({@code 724e…(40 chars)}), so that a page can show which value went where without giving it away.
 */
public final class Masking {

    /**
     * Parameter and JSON member names whose values are secrets or one-time credentials; a client assertion is
     * shown decoded besides, its signature shortened.
     */
    static final Set<String> SECRET_NAMES = Set.of(
            "access_token", "refresh_token", "client_secret", "code_verifier", "code", "token", "client_assertion");
    /** The header of a DPoP proof, shown decoded besides, its signature shortened. */
    static final String DPOP_HEADER = "dpop";
    static final int SHOWN_CHARS = 4;
    /** Shorter values are not shortened but hidden: four characters of them would be too much. */
    static final int SHORTEST_SHOWN = 12;

    private Masking() {
    }

    public static String mask(String secret) {
        if (secret == null) {
            return null;
        }
        String shown = secret.length() >= SHORTEST_SHOWN ? secret.substring(0, SHOWN_CHARS) : "";
        return shown + "…(" + secret.length() + " chars)";
    }

    public static boolean isSecret(String name) {
        return name != null && SECRET_NAMES.contains(name);
    }

    /** A parameter value as shown: masked when the parameter is a secret. */
    public static String parameter(String name, String value) {
        return isSecret(name) ? mask(value) : value;
    }

    /**
     * A form-encoded query string or body with the secret parameters' values masked; the others stay as
     * they were sent, still encoded.
     */
    public static String parameters(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return encoded;
        }
        StringJoiner joined = new StringJoiner("&");
        for (String pair : encoded.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                joined.add(pair);
                continue;
            }
            String name = FormEncoding.decodeText(pair.substring(0, equals));
            String value = pair.substring(equals + 1);
            joined.add(isSecret(name) ? pair.substring(0, equals + 1) + mask(FormEncoding.decodeText(value)) : pair);
        }
        return joined.toString();
    }

    /** A URL with the secret parameters of its query masked. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query + 1) + parameters(url.substring(query + 1));
    }

    /** A header value as shown: credentials keep their scheme and lose their value; a DPoP proof is shortened. */
    public static String header(String name, String value) {
        if (value == null) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("authorization") || lower.equals("proxy-authorization")) {
            int space = value.indexOf(' ');
            return space < 0 ? mask(value) : value.substring(0, space + 1) + mask(value.substring(space + 1).trim());
        }
        if (lower.equals("cookie") || lower.equals("set-cookie") || lower.equals(DPOP_HEADER)) {
            return mask(value);
        }
        return value;
    }
}
