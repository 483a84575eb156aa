package io.accountoauth.oauth;

import io.accountoauth.client.ClientAssertions;
import io.accountoauth.platform.Jose;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Every endpoint and capability of this authorization server, under its issuer.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8414#section-2">RFC 8414 §2</a>
 */
@Schema(name = "ServerMetadata", description = "Authorization server metadata (RFC 8414 §2).",
        requiredProperties = {"issuer", "authorization_endpoint", "token_endpoint", "response_types_supported"})
@JsonbPropertyOrder({"issuer", "authorizationEndpoint", "tokenEndpoint", "introspectionEndpoint",
        "revocationEndpoint", "registrationEndpoint", "scopesSupported", "typesOfResponseSupported",
        "responseModesSupported", "grantTypesSupported", "tokenEndpointAuthMethodsSupported",
        "introspectionEndpointAuthMethodsSupported", "revocationEndpointAuthMethodsSupported",
        "codeChallengeMethodsSupported", "authorizationResponseIssParameterSupported",
        "pushedAuthorizationRequestEndpoint", "requirePushedAuthorizationRequests",
        "tokenEndpointAuthSigningAlgValuesSupported", "introspectionEndpointAuthSigningAlgValuesSupported",
        "revocationEndpointAuthSigningAlgValuesSupported", "dpopSigningAlgValuesSupported"})
public record ServerMetadata(
        @Schema(name = "issuer", example = "http://localhost:8080")
        @JsonbProperty("issuer") String issuer,
        @Schema(name = "authorization_endpoint", example = "http://localhost:8080/account/authorize")
        @JsonbProperty("authorization_endpoint") String authorizationEndpoint,
        @Schema(name = "token_endpoint", example = "http://localhost:8080/account/token")
        @JsonbProperty("token_endpoint") String tokenEndpoint,
        @Schema(name = "introspection_endpoint")
        @JsonbProperty("introspection_endpoint") String introspectionEndpoint,
        @Schema(name = "revocation_endpoint")
        @JsonbProperty("revocation_endpoint") String revocationEndpoint,
        @Schema(name = "registration_endpoint")
        @JsonbProperty("registration_endpoint") String registrationEndpoint,
        @Schema(name = "scopes_supported", type = SchemaType.ARRAY, implementation = String.class)
        @JsonbProperty("scopes_supported") List<String> scopesSupported,
        // Named so that no accessor contains "set": Payara's OpenAPI scanner takes such a method for a setter
        @Schema(name = "response_types_supported", type = SchemaType.ARRAY, implementation = String.class)
        @JsonbProperty("response_types_supported") List<String> typesOfResponseSupported,
        @Schema(name = "response_modes_supported", type = SchemaType.ARRAY, implementation = String.class)
        @JsonbProperty("response_modes_supported") List<String> responseModesSupported,
        @Schema(name = "grant_types_supported", type = SchemaType.ARRAY, implementation = String.class)
        @JsonbProperty("grant_types_supported") List<String> grantTypesSupported,
        @Schema(name = "token_endpoint_auth_methods_supported",
                type = SchemaType.ARRAY, implementation = String.class)
        @JsonbProperty("token_endpoint_auth_methods_supported") List<String> tokenEndpointAuthMethodsSupported,
        @Schema(name = "introspection_endpoint_auth_methods_supported",
                type = SchemaType.ARRAY, implementation = String.class)
        @JsonbProperty("introspection_endpoint_auth_methods_supported")
        List<String> introspectionEndpointAuthMethodsSupported,
        @Schema(name = "revocation_endpoint_auth_methods_supported",
                type = SchemaType.ARRAY, implementation = String.class)
        @JsonbProperty("revocation_endpoint_auth_methods_supported")
        List<String> revocationEndpointAuthMethodsSupported,
        @Schema(name = "code_challenge_methods_supported", type = SchemaType.ARRAY, implementation = String.class)
        @JsonbProperty("code_challenge_methods_supported") List<String> codeChallengeMethodsSupported,
        @Schema(name = "authorization_response_iss_parameter_supported")
        @JsonbProperty("authorization_response_iss_parameter_supported")
        boolean authorizationResponseIssParameterSupported,
        @Schema(name = "pushed_authorization_request_endpoint",
                example = "http://localhost:8080/account/par")
        @JsonbProperty("pushed_authorization_request_endpoint") String pushedAuthorizationRequestEndpoint,
        @Schema(name = "require_pushed_authorization_requests",
                description = "false: an app may push its request (RFC 9126) or put it in the URL.")
        @JsonbProperty("require_pushed_authorization_requests") boolean requirePushedAuthorizationRequests,
        @Schema(name = "token_endpoint_auth_signing_alg_values_supported", type = SchemaType.ARRAY,
                implementation = String.class)
        @JsonbProperty("token_endpoint_auth_signing_alg_values_supported")
        List<String> tokenEndpointAuthSigningAlgValuesSupported,
        @Schema(name = "introspection_endpoint_auth_signing_alg_values_supported", type = SchemaType.ARRAY,
                implementation = String.class)
        @JsonbProperty("introspection_endpoint_auth_signing_alg_values_supported")
        List<String> introspectionEndpointAuthSigningAlgValuesSupported,
        @Schema(name = "revocation_endpoint_auth_signing_alg_values_supported", type = SchemaType.ARRAY,
                implementation = String.class)
        @JsonbProperty("revocation_endpoint_auth_signing_alg_values_supported")
        List<String> revocationEndpointAuthSigningAlgValuesSupported,
        @Schema(name = "dpop_signing_alg_values_supported", type = SchemaType.ARRAY, implementation = String.class)
        @JsonbProperty("dpop_signing_alg_values_supported") List<String> dpopSigningAlgValuesSupported) {

    /** This server's metadata under {@code issuer}. */
    static ServerMetadata of(String issuer) {
        return new ServerMetadata(issuer,
                issuer + "/account/authorize",
                issuer + "/account/token",
                issuer + "/account/introspect",
                issuer + "/account/revoke",
                issuer + "/account/register",
                List.of("read", "info", "balance"),
                List.of("code"),
                List.of("query"),
                List.of("authorization_code", "refresh_token"),
                List.of("client_secret_basic", "client_secret_post", "private_key_jwt", "none"),
                List.of("client_secret_basic", "client_secret_post", "private_key_jwt"),
                List.of("client_secret_basic", "client_secret_post", "private_key_jwt", "none"),
                List.of(Pkce.S256),
                true,
                issuer + "/account/par",
                false,
                ClientAssertions.ALGORITHMS,
                ClientAssertions.ALGORITHMS,
                ClientAssertions.ALGORITHMS,
                Jose.ALGORITHMS);
    }
}
