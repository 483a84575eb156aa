package io.accountoauth.oauth;

import io.accountoauth.client.Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The original sandbox's token call, kept as it was: {@code GET /account/access_token?code=...&client_id=...
 * &client_secret=...}. Beneath the old interface it applies the same rules as a standard token endpoint.
 */
@Path("access_token")
@ApplicationScoped
@Tag(name = "Token")
public class AccessTokenResource {

    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    CodeExchange exchange;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "accessToken",
            summary = "Exchange a code for an access token: the original sandbox's call",
            description = """
                    The original sandbox's token call, kept for compatibility with the apps written for it: \
                    everything travels in the query string, the client secret included, where proxies, logs and \
                    browser histories may keep it. `POST /account/token` is the standard way, with the secret \
                    in a Basic header or the form body.

                    The same rules apply as at `POST /account/token`: the code works once, within 60 seconds, \
                    for the client it was issued to, with its PKCE verifier when it was issued with a challenge. \
                    No refresh token is issued.""")
    @Parameter(name = "code", in = ParameterIn.QUERY, required = true,
            schema = @Schema(type = SchemaType.STRING),
            description = "The authorization code the browser brought back.")
    @Parameter(name = "client_id", in = ParameterIn.QUERY, required = true,
            schema = @Schema(type = SchemaType.STRING), description = "The app's client_id.",
            example = "7b6fc8ed5127b0b2f076d")
    @Parameter(name = "client_secret", in = ParameterIn.QUERY, required = true,
            schema = @Schema(type = SchemaType.STRING), description = "The app's client_secret.")
    @Parameter(name = "redirect_uri", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING),
            description = "May be left out, as the original apps do; when sent, it must equal the authorization "
                    + "request's.")
    @Parameter(name = "code_verifier", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING),
            description = "The PKCE verifier, when the code was issued with a code_challenge.")
    @APIResponse(responseCode = "200", description = "The access token, valid 60 seconds. Cache-Control: no-store.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TokenResponse")))
    @APIResponse(responseCode = "400", description = "invalid_request: the code is missing or a parameter is "
            + "repeated. invalid_grant: the code is unknown, expired, already used, another client's, issued for "
            + "another redirect_uri, or its PKCE proof fails; a used code presented again also revokes the tokens "
            + "issued from it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError")))
    @APIResponse(responseCode = "401", description = "invalid_client: client_id or client_secret is missing or wrong.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError")))
    public Response accessToken(@Context UriInfo uriInfo, @Context HttpHeaders headers) {
        RequestParameters parameters = new RequestParameters(uriInfo.getQueryParameters());
        Client client = clientAuthentication.authenticate(headers.getRequestHeader(HttpHeaders.AUTHORIZATION),
                parameters, false);
        String code = parameters.optional("code");
        if (code == null) {
            throw OAuthException.invalidRequest("The code parameter is missing.");
        }
        // The original call never returned refresh tokens; POST /account/token does.
        return TokenResponse.of(exchange.exchange(client, code, parameters.optional("redirect_uri"),
                parameters.optional("code_verifier"), false)).toResponse();
    }
}
