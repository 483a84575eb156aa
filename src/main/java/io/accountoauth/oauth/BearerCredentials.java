package io.accountoauth.oauth;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the access token from the {@code Authorization} request header: {@code Bearer} (RFC 6750 §2.1) or
 * {@code DPoP} (RFC 9449 §7.1). The scheme name is case-insensitive; the token must be a {@code b64token}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-2.1">RFC 6750 §2.1</a>
 */
public final class BearerCredentials {

    static final int MAX_TOKEN_LENGTH = 1024;
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    /** What the header held. */
    public sealed interface Outcome {
    }

    /** No bearer credentials at all: no header, or another scheme. */
    public record Absent() implements Outcome {
    }

    /** More than one {@code Authorization} header. */
    public record Ambiguous() implements Outcome {
    }

    /** A Bearer header whose token is not well formed. */
    public record Malformed() implements Outcome {
    }

    /** @param dpop whether it came under the DPoP scheme, with a proof expected beside it */
    public record Token(String value, boolean dpop) implements Outcome {

        public Token(String value) {
            this(value, false);
        }
    }

    private BearerCredentials() {
    }

    public static Outcome read(List<String> authorizationHeaders) {
        if (authorizationHeaders == null || authorizationHeaders.isEmpty()) {
            return new Absent();
        }
        if (authorizationHeaders.size() > 1) {
            return new Ambiguous();
        }
        String header = authorizationHeaders.get(0).strip();
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        String lower = scheme.toLowerCase(Locale.ROOT);
        if (!lower.equals("bearer") && !lower.equals("dpop")) {
            return new Absent();
        }
        String token = space < 0 ? "" : header.substring(space + 1);
        if (token.length() > MAX_TOKEN_LENGTH || !B64TOKEN.matcher(token).matches()) {
            return new Malformed();
        }
        return new Token(token, lower.equals("dpop"));
    }
}
