package io.accountoauth.oauth;

import io.accountoauth.client.RegisteredClient;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A registered app, as registration answers it; the secret is shown this once.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-3.2.1">RFC 7591 §3.2.1</a>
 */
@Schema(name = "ClientInformation", description = "A registered app (RFC 7591 §3.2.1).",
        requiredProperties = {"client_id", "client_id_issued_at", "client_name", "redirect_uris",
                "token_endpoint_auth_method", "grant_types", "response_types"})
@JsonbPropertyOrder({"clientId", "clientSecret", "clientSecretExpiresAt", "clientIdIssuedAt", "clientName",
        "redirectUris", "tokenEndpointAuthMethod", "grantTypes", "typesOfResponse", "requirePushedRequests", "dpopBoundAccessTokens"})
public record ClientInformation(
        @Schema(name = "client_id")
        @JsonbProperty("client_id") String clientId,
        @Schema(name = "client_secret", description = "For a confidential client only, and shown this once.")
        @JsonbProperty("client_secret") String clientSecret,
        @Schema(name = "client_secret_expires_at", type = SchemaType.INTEGER,
                description = "0, the secret does not expire. Sent with client_secret only.")
        @JsonbProperty("client_secret_expires_at") Long clientSecretExpiresAt,
        @Schema(name = "client_id_issued_at", type = SchemaType.INTEGER, format = "int64",
                description = "Seconds since the epoch.")
        @JsonbProperty("client_id_issued_at") long clientIdIssuedAt,
        @Schema(name = "client_name", description = "As given, or the first redirect URI's host.")
        @JsonbProperty("client_name") String clientName,
        @Schema(name = "redirect_uris", type = SchemaType.ARRAY, implementation = String.class)
        @JsonbProperty("redirect_uris") List<String> redirectUris,
        @Schema(name = "token_endpoint_auth_method",
                enumeration = {"client_secret_basic", "client_secret_post", "private_key_jwt", "none"})
        @JsonbProperty("token_endpoint_auth_method") String tokenEndpointAuthMethod,
        @Schema(name = "grant_types", type = SchemaType.ARRAY, implementation = String.class)
        @JsonbProperty("grant_types") List<String> grantTypes,
        // Named so that no accessor contains "set": Payara's OpenAPI scanner takes such a method for a setter
        @Schema(name = "response_types", type = SchemaType.ARRAY, implementation = String.class)
        @JsonbProperty("response_types") List<String> typesOfResponse,
        @Schema(name = "require_pushed_authorization_requests",
                description = "true when the app's authorization requests must be pushed (RFC 9126 §6).")
        @JsonbProperty("require_pushed_authorization_requests") boolean requirePushedRequests,
        @Schema(name = "dpop_bound_access_tokens",
                description = "true when every access token of the app is DPoP-bound (RFC 9449 §5.2).")
        @JsonbProperty("dpop_bound_access_tokens") boolean dpopBoundAccessTokens) {

    static ClientInformation of(RegisteredClient registered) {
        var client = registered.client();
        boolean secret = registered.clientSecret() != null;
        return new ClientInformation(client.clientId(), registered.clientSecret(), secret ? 0L : null,
                registered.issuedAt().getEpochSecond(), client.name(), List.copyOf(client.redirectUris()),
                client.authMethod().metadataName(), List.of("authorization_code", "refresh_token"), List.of("code"),
                client.requiresPushedRequests(), client.requiresDPoP());
    }
}
