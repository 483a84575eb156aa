package io.accountoauth.oauth;

import io.accountoauth.token.TokenDescription;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a token stands for, or only {@code "active": false}; absent members are left out.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662#section-2.2">RFC 7662 §2.2</a>
 */
@Schema(name = "IntrospectionResponse", requiredProperties = "active", description = "What a token stands for "
        + "(RFC 7662 §2.2); only `active` when it is not live or not the asking client's.")
@JsonbPropertyOrder({"active", "scope", "clientId", "username", "sub", "tokenType", "exp", "iat", "iss", "cnf"})
public record IntrospectionResponse(
        @Schema(name = "active", description = "Whether the token is live and was issued to the asking client.")
        @JsonbProperty("active") boolean active,
        @Schema(name = "scope", example = "read")
        @JsonbProperty("scope") String scope,
        @Schema(name = "client_id")
        @JsonbProperty("client_id") String clientId,
        @Schema(name = "username", example = "dave", description = "The customer the token speaks for.")
        @JsonbProperty("username") String username,
        @Schema(name = "sub", example = "dave", description = "The customer the token speaks for.")
        @JsonbProperty("sub") String sub,
        @Schema(name = "token_type", example = "Bearer", description = "Bearer or DPoP, for an access token; absent "
                + "for a refresh token.")
        @JsonbProperty("token_type") String tokenType,
        @Schema(name = "exp", type = SchemaType.INTEGER, format = "int64",
                description = "When it expires, in seconds since the epoch.")
        @JsonbProperty("exp") Long exp,
        @Schema(name = "iat", type = SchemaType.INTEGER, format = "int64",
                description = "When it was issued, in seconds since the epoch.")
        @JsonbProperty("iat") Long iat,
        @Schema(name = "iss", example = "http://localhost:8080", description = "The issuer.")
        @JsonbProperty("iss") String iss,
        @Schema(name = "cnf", type = SchemaType.OBJECT, description = "For a DPoP-bound access token (RFC 9449 §6.2): "
                + "{\"jkt\": the SHA-256 JWK thumbprint of the key that must prove each use}.")
        @JsonbProperty("cnf") java.util.Map<String, String> cnf) {

    /** Anything that is not a live token of the asking client. */
    static final IntrospectionResponse INACTIVE =
            new IntrospectionResponse(false, null, null, null, null, null, null, null, null, null);

    static IntrospectionResponse of(TokenDescription token, String issuer) {
        return new IntrospectionResponse(true, token.grant().scope(), token.grant().clientId(),
                token.grant().customer(), token.grant().customer(),
                token.kind() != TokenDescription.Kind.ACCESS_TOKEN ? null : token.jkt() == null ? "Bearer" : "DPoP",
                token.expiresAt().getEpochSecond(), token.issuedAt().getEpochSecond(), issuer,
                token.jkt() == null ? null : java.util.Map.of("jkt", token.jkt()));
    }
}
