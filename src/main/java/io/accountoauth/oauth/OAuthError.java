package io.accountoauth.oauth;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An error body as RFC 6749 §5.2 defines it.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §5.2</a>
 */
@Schema(name = "OAuthError", description = "An error as RFC 6749 §5.2 defines it.")
@JsonbPropertyOrder({"error", "errorDescription"})
public record OAuthError(
        @Schema(name = "error", example = "invalid_request", description = "The error code, e.g. invalid_request, "
                + "invalid_client, invalid_grant, invalid_token, insufficient_scope. Left out of a 401 from the "
                + "account API when the request had no token at all.")
        @JsonbProperty("error") String error,
        @Schema(name = "error_description", example = "The code parameter is missing.",
                description = "What went wrong, for the developer: printable ASCII.")
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
