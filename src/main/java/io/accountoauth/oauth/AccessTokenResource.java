package io.accountoauth.oauth;

import io.accountoauth.client.Client;
import io.accountoauth.client.ClientAuthenticator;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The original sandbox's token call, kept as it was: {@code GET /account/access_token?code=...&client_id=...
 * &client_secret=...}. Beneath the old interface it applies the same rules as a standard token endpoint.
 */
@Path("access_token")
@RequestScoped
public class AccessTokenResource {

    @Inject
    ClientAuthenticator authenticator;

    @Inject
    CodeExchange exchange;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response accessToken() {
        RequestParameters parameters = new RequestParameters(uriInfo.getQueryParameters());
        String code = parameters.optional("code");
        String redirectUri = parameters.optional("redirect_uri");
        String clientId = parameters.optional("client_id");
        String secret = parameters.optional("client_secret");
        String codeVerifier = parameters.optional("code_verifier");
        if (clientId == null || secret == null) {
            throw OAuthException.invalidClient("Client authentication is missing: send client_id and client_secret.");
        }
        Client client = authenticator.authenticate(clientId, secret)
                .orElseThrow(() -> OAuthException.invalidClient("Client authentication failed."));
        if (code == null) {
            throw OAuthException.invalidRequest("The code parameter is missing.");
        }
        // The original call never returned refresh tokens; POST /account/token does.
        return TokenResponse.of(exchange.exchange(client, code, redirectUri, codeVerifier, false)).toResponse();
    }
}
