package io.accountoauth.oauth;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * An error body as RFC 6749 §5.2 defines it.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §5.2</a>
 */
@JsonbPropertyOrder({"error", "errorDescription"})
public record OAuthError(
        @JsonbProperty("error") String error,
        @JsonbProperty("error_description") String errorDescription) {

    /** RFC 6749 §5.2: error_description is limited to printable ASCII without '"' and '\\'. */
    public OAuthError {
        errorDescription = printable(errorDescription);
    }

    static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            safe.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? c : '?');
        }
        return safe.toString();
    }
}
