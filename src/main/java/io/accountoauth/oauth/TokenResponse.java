package io.accountoauth.oauth;

import io.accountoauth.token.IssuedTokens;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A successful token response (RFC 6749 §5.1), in the original sandbox's field order, with the consent the
 * tokens were issued under; {@code refresh_token} is left out when none was issued.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 §5.1</a>
 */
@JsonbPropertyOrder({"tokenType", "scope", "accessToken", "expiresIn", "refreshToken", "consentId"})
public record TokenResponse(
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("scope") String scope,
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("expires_in") long expiresIn,
        @JsonbProperty("refresh_token") String refreshToken,
        @JsonbProperty("consent_id") String consentId) {

    public static TokenResponse of(IssuedTokens tokens) {
        return new TokenResponse("bearer", tokens.scope(), tokens.accessToken(), tokens.expiresIn(),
                tokens.refreshToken(), tokens.consentId());
    }

    /** RFC 6749 §5.1: token responses are never cached. */
    public jakarta.ws.rs.core.Response toResponse() {
        return jakarta.ws.rs.core.Response.ok(this)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
