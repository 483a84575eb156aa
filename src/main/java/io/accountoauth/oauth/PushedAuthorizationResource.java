package io.accountoauth.oauth;

import io.accountoauth.client.Client;
import io.accountoauth.client.RedirectUriRules;
import io.accountoauth.platform.SecuritySchemes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The pushed authorization request endpoint (RFC 9126): the app sends its authorization request here, from its
 * own server and authenticated, and sends the browser to the authorization endpoint with only its client_id and
 * the {@code request_uri} it got. The request is checked as the authorization endpoint would check it, and what
 * is wrong is told to the app, as JSON, before any browser is involved.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9126">RFC 9126</a>
 */
@Path("par")
@ApplicationScoped
@Tag(name = "Authorization")
public class PushedAuthorizationResource {

    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    PushedRequests pushedRequests;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "pushAuthorizationRequest", summary = "Push an authorization request",
            description = """
                    The pushed authorization request endpoint (RFC 9126 §2). The app authenticates as at the token \
                    endpoint (a public client by its client_id) and sends the parameters it would put in the \
                    authorization URL; redirect_uri is required. The answer's request_uri is used once, within \
                    expires_in seconds, at `GET /account/authorize?client_id=...&request_uri=...`; any other \
                    parameter in that URL is ignored.""")
    @SecurityRequirement(name = SecuritySchemes.BASIC)
    @APIResponse(responseCode = "201", description = "The request is filed. Cache-Control: no-store.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    properties = {
                            @SchemaProperty(name = "request_uri", type = SchemaType.STRING,
                                    example = "urn:ietf:params:oauth:request_uri:bwc4JK-ESC0w8acc191e-Y1LTC2"),
                            @SchemaProperty(name = "expires_in", type = SchemaType.INTEGER, example = "60")})))
    @APIResponse(responseCode = "400", description = "invalid_request (no or an unregistered redirect_uri, a "
            + "request_uri, a repeated parameter, a PKCE rule), invalid_scope or unsupported_response_type.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError")))
    @APIResponse(responseCode = "401", description = "invalid_client: client authentication is missing or fails.",
            headers = @Header(name = "WWW-Authenticate", ref = "BasicChallenge"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError")))
    @APIResponse(responseCode = "415", ref = "NotAForm")
    @APIResponse(responseCode = "429", description = "temporarily_unavailable: too many wrong client secrets from "
            + "this address or for this client from it.", headers = @Header(name = "Retry-After",
            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError")))
    public Response push(@RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "redirect_uri", properties = {
                    @SchemaProperty(name = "redirect_uri", type = SchemaType.STRING),
                    @SchemaProperty(name = "response_type", type = SchemaType.STRING, enumeration = "code"),
                    @SchemaProperty(name = "scope", type = SchemaType.STRING),
                    @SchemaProperty(name = "state", type = SchemaType.STRING),
                    @SchemaProperty(name = "code_challenge", type = SchemaType.STRING),
                    @SchemaProperty(name = "code_challenge_method", type = SchemaType.STRING, enumeration = "S256"),
                    @SchemaProperty(name = "prompt", type = SchemaType.STRING),
                    @SchemaProperty(name = "dpop_jkt", type = SchemaType.STRING),
                    @SchemaProperty(name = "client_assertion_type", type = SchemaType.STRING),
                    @SchemaProperty(name = "client_assertion", type = SchemaType.STRING),
                    @SchemaProperty(name = "client_id", type = SchemaType.STRING),
                    @SchemaProperty(name = "client_secret", type = SchemaType.STRING)})))
            MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        RequestParameters parameters = RequestParameters.singleValued(form);
        Client client = clientAuthentication.authenticate(
                headers.getRequestHeader(HttpHeaders.AUTHORIZATION), parameters, true);
        if (parameters.optional("request_uri") != null) {
            throw OAuthException.invalidRequest("A pushed request cannot carry a request_uri (RFC 9126 §2.1).");
        }
        String redirectUri = parameters.optional("redirect_uri");
        if (redirectUri == null) {
            throw OAuthException.invalidRequest("The redirect_uri is required in a pushed request.");
        }
        if (!RedirectUriRules.permits(client, redirectUri)) {
            throw OAuthException.invalidRequest("The redirect_uri is not registered for this app.");
        }
        AuthorizationParameters checked = AuthorizationParameters.read(parameters, client);
        if (client.isFapi() && checked.codeChallenge() == null) {
            throw OAuthException.invalidRequest("This app follows the FAPI 2.0 profile: PKCE (S256) is required.");
        }
        String requestUri = pushedRequests.push(new PushedRequests.Pushed(client.clientId(), redirectUri,
                checked.state(), checked.scope(), checked.codeChallenge(), checked.promptConsent(), checked.dpopJkt()));
        String body = Json.createObjectBuilder().add("request_uri", requestUri)
                .add("expires_in", PushedRequests.LIFETIME.toSeconds()).build().toString();
        return Response.status(Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE).entity(body)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
