package io.accountoauth.oauth;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A successful token response (RFC 6749 §5.1), in the original sandbox's field order.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 §5.1</a>
 */
@JsonbPropertyOrder({"tokenType", "scope", "accessToken", "expiresIn"})
public record TokenResponse(
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("scope") String scope,
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("expires_in") long expiresIn) {

    public static TokenResponse bearer(String accessToken, String scope, long expiresIn) {
        return new TokenResponse("bearer", scope, accessToken, expiresIn);
    }
}
