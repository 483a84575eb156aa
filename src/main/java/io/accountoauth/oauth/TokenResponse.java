package io.accountoauth.oauth;

import io.accountoauth.token.IssuedTokens;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A successful token response (RFC 6749 §5.1), in the original sandbox's field order, with the consent the
 * tokens were issued under; {@code refresh_token} is left out when none was issued.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 §5.1</a>
 */
@Schema(name = "TokenResponse", description = "A successful token response (RFC 6749 §5.1).",
        requiredProperties = {"token_type", "scope", "access_token", "expires_in"})
@JsonbPropertyOrder({"tokenType", "scope", "accessToken", "expiresIn", "refreshToken", "consentId"})
public record TokenResponse(
        @Schema(name = "token_type", example = "bearer", description = "bearer, or DPoP for a token bound to the key of the request's DPoP proof (RFC 9449).")
        @JsonbProperty("token_type") String tokenType,
        @Schema(name = "scope", example = "read", description = "What the access token may read: read (both calls), "
                + "info or balance.")
        @JsonbProperty("scope") String scope,
        @Schema(name = "access_token", description = "The bearer token for /account/info and /account/balance.")
        @JsonbProperty("access_token") String accessToken,
        @Schema(name = "expires_in", type = SchemaType.INTEGER,
                description = "Seconds the access token is valid for: 60.")
        @JsonbProperty("expires_in") long expiresIn,
        @Schema(name = "refresh_token", description = "Issued by POST /account/token only; one use, each refresh "
                + "returns a new one.")
        @JsonbProperty("refresh_token") String refreshToken,
        @Schema(name = "consent_id", description = "The consent the tokens were issued under: "
                + "GET /account/consents/{id} tells whether it still holds.")
        @JsonbProperty("consent_id") String consentId) {

    public static TokenResponse of(IssuedTokens tokens) {
        return new TokenResponse(tokens.jkt() == null ? "bearer" : "DPoP", tokens.scope(), tokens.accessToken(),
                tokens.expiresIn(),
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
