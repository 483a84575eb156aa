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
}
