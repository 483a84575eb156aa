package io.accountoauth.oauth;

import io.accountoauth.client.Client;
import io.accountoauth.platform.Issuer;
import io.accountoauth.platform.Jose;
import io.accountoauth.platform.SecuritySchemes;
import io.accountoauth.token.Scopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The standard token endpoint: {@code POST /account/token}, form-encoded, for the authorization-code and
 * refresh-token grants.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.2">RFC 6749 §3.2</a>
 */
@Path("token")
@ApplicationScoped
@Tag(name = "Token")
public class TokenResource {

    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    CodeExchange codeExchange;

    @Inject
    RefreshExchange refreshExchange;

    @Inject
    DPoPProofs dpop;

    @Inject
    DPoPNonces nonces;

    @Inject
    Issuer issuer;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "token", summary = "Exchange a code or a refresh token for tokens",
            description = """
                    The token endpoint (RFC 6749 §3.2), for the `authorization_code` grant (§4.1.3, with PKCE, \
                    RFC 7636) and the `refresh_token` grant (§6). Only POST: any other method is answered 405.

                    The client authenticates by exactly one method: HTTP Basic (`client_secret_basic`), \
                    client_id and client_secret in the form (`client_secret_post`), a signed client assertion \
                    (`private_key_jwt`, RFC 7523 §2.2), or, for a public client, client_id alone (`none`). A code \
                    works once, within 60 seconds, for the client and redirect_uri it was issued for. Refresh \
                    tokens rotate: each use returns a new one, and a used one presented again revokes the whole \
                    grant; a FAPI 2.0 client's refresh token stays, its tokens being sender-constrained.

                    With a `DPoP` header (RFC 9449) the access token is bound to the proof's key and its \
                    `token_type` is `DPoP`; the answer carries `DPoP-Nonce`, the nonce for the next proof. A client \
                    registered with `dpop_bound_access_tokens` must send a proof carrying that nonce.""")
    @SecurityRequirementsSet(@SecurityRequirement(name = SecuritySchemes.BASIC))
    @SecurityRequirementsSet
    @APIResponse(responseCode = "200", description = "The tokens: an access token valid 60 seconds and a refresh "
            + "token. Cache-Control: no-store.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TokenResponse")))
    @APIResponse(responseCode = "400", description = """
            `invalid_request`: a parameter is missing or repeated, two client authentication methods are used, \
            the form's client_id differs from the Basic one, or more than one Authorization header is sent. \
            `invalid_grant`: the code or refresh token is unknown, expired, used, another client's, issued for \
            another redirect_uri, or its PKCE proof fails. \
            `invalid_scope`: the scope is unknown or wider than the grant's. `unsupported_grant_type`: neither \
            authorization_code nor refresh_token. `invalid_dpop_proof`: the DPoP proof is missing where the \
            client's tokens are DPoP-bound, or does not hold (RFC 9449 §4.3). `use_dpop_nonce`: the proof must \
            carry the server's current nonce, given in the `DPoP-Nonce` header (RFC 9449 §8).""",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError")))
    @APIResponse(responseCode = "401", ref = "InvalidClient")
    @APIResponse(responseCode = "415", ref = "NotAForm")
    public Response token(@RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "grant_type", properties = {
                    @SchemaProperty(name = "grant_type", type = SchemaType.STRING,
                            enumeration = {"authorization_code", "refresh_token"}),
                    @SchemaProperty(name = "code", type = SchemaType.STRING,
                            description = "authorization_code: the code the browser brought back."),
                    @SchemaProperty(name = "redirect_uri", type = SchemaType.STRING,
                            description = "authorization_code: required, the authorization request's redirect_uri."),
                    @SchemaProperty(name = "code_verifier", type = SchemaType.STRING,
                            description = "authorization_code: the PKCE verifier, when the code was issued with a "
                                    + "code_challenge."),
                    @SchemaProperty(name = "refresh_token", type = SchemaType.STRING,
                            description = "refresh_token: the refresh token to use up."),
                    @SchemaProperty(name = "scope", type = SchemaType.STRING,
                            description = "refresh_token: narrows the new access token's scope; never widens it."),
                    @SchemaProperty(name = "client_id", type = SchemaType.STRING,
                            description = "client_secret_post, or a public client (none). With Basic it may be "
                                    + "left out, and must match when sent."),
                    @SchemaProperty(name = "client_secret", type = SchemaType.STRING,
                            description = "client_secret_post; never together with Basic."),
                    @SchemaProperty(name = "client_assertion_type", type = SchemaType.STRING,
                            enumeration = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                            description = "private_key_jwt."),
                    @SchemaProperty(name = "client_assertion", type = SchemaType.STRING,
                            description = "private_key_jwt: a JWT signed with one of the client's registered keys "
                                    + "(PS256, ES256 or EdDSA); iss and sub the client_id, aud the issuer, exp "
                                    + "within five minutes, a new jti.")})))
            MultivaluedMap<String, String> form, @Context HttpHeaders headers,
            @Context HttpServletRequest request) {
        RequestParameters parameters = RequestParameters.singleValued(form);
        String grantType = parameters.required("grant_type");
        Client client = clientAuthentication.authenticate(
                headers.getRequestHeader(HttpHeaders.AUTHORIZATION), parameters, true);
        String jkt = boundKey(client, headers, request);
        Response response = switch (grantType) {
            case "authorization_code" -> authorizationCode(client, parameters, jkt);
            case "refresh_token" -> refreshToken(client, parameters, jkt);
            default -> throw new OAuthException(Status.BAD_REQUEST, "unsupported_grant_type",
                    "Supported grant types: authorization_code, refresh_token.");
        };
        // RFC 9449 §8.2: a DPoP client gets the nonce to put in its next proof
        return jkt == null ? response : Response.fromResponse(response).header(DPoPNonces.HEADER, nonces.current())
                .build();
    }

    /** RFC 6749 §4.1.3: redirect_uri is required, as every authorization request here carries one. */
    private Response authorizationCode(Client client, RequestParameters parameters, String jkt) {
        String code = parameters.required("code");
        String redirectUri = parameters.required("redirect_uri");
        String verifier = parameters.optional("code_verifier");
        return TokenResponse.of(codeExchange.exchange(client, code, redirectUri, verifier, true, jkt)).toResponse();
    }

    /**
     * RFC 9449 §5: with a DPoP proof of this request, the access token is bound to the proof's key. A client
     * registered with dpop_bound_access_tokens must send one, with a server nonce (§8); any proof that carries a
     * nonce must carry a current one. Otherwise use_dpop_nonce, with the nonce to use.
     */
    private String boundKey(Client client, HttpHeaders headers, HttpServletRequest request) {
        try {
            Optional<String> proof = DPoPProofs.proof(headers.getRequestHeader(DPoPProofs.HEADER));
            if (proof.isEmpty()) {
                if (client.requiresDPoP()) {
                    throw new Jose.Refused("This app's access tokens are DPoP-bound: send a DPoP proof.");
                }
                return null;
            }
            DPoPProofs.Proof checked = dpop.check(proof.get(), "POST", issuer.of(request) + "/account/token", null);
            boolean nonceNeeded = checked.nonce() != null || client.requiresDPoP();
            if (nonceNeeded && !nonces.accepts(checked.nonce())) {
                throw new OAuthException(Status.BAD_REQUEST, "use_dpop_nonce", checked.nonce() == null
                        ? "This app's DPoP proofs must carry the server's nonce: use the DPoP-Nonce header's."
                        : "The DPoP proof's nonce is not current: use the DPoP-Nonce header's.")
                        .withHeader(DPoPNonces.HEADER, nonces.current());
            }
            return checked.jkt();
        } catch (Jose.Refused e) {
            throw new OAuthException(Status.BAD_REQUEST, "invalid_dpop_proof", e.getMessage());
        }
    }

    /** RFC 6749 §6, with rotation (RFC 9700 §4.14.2). */
    private Response refreshToken(Client client, RequestParameters parameters, String jkt) {
        String refreshToken = parameters.required("refresh_token");
        String requested = parameters.optional("scope");
        String scope = null;
        if (requested != null) {
            scope = Scopes.normalize(requested).orElseThrow(() -> new OAuthException(Status.BAD_REQUEST,
                    "invalid_scope", "Known scopes: read, info, balance."));
        }
        return TokenResponse.of(refreshExchange.exchange(client, refreshToken, scope, jkt)).toResponse();
    }
}
