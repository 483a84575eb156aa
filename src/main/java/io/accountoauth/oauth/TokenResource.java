package io.accountoauth.oauth;

import io.accountoauth.client.Client;
import io.accountoauth.token.Refreshing;
import io.accountoauth.token.Scopes;
import io.accountoauth.token.TokenRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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

/**
 * The standard token endpoint: {@code POST /account/token}, form-encoded, for the authorization-code and
 * refresh-token grants.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.2">RFC 6749 §3.2</a>
 */
@Path("token")
@RequestScoped
public class TokenResource {

    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    CodeExchange codeExchange;

    @Inject
    TokenRegistry registry;

    @Context
    HttpHeaders headers;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(MultivaluedMap<String, String> form) {
        RequestParameters parameters = RequestParameters.singleValued(form);
        String grantType = parameters.required("grant_type");
        Client client = clientAuthentication.authenticate(
                headers.getRequestHeader(HttpHeaders.AUTHORIZATION), parameters, true);
        return switch (grantType) {
            case "authorization_code" -> authorizationCode(client, parameters);
            case "refresh_token" -> refreshToken(client, parameters);
            default -> throw new OAuthException(Status.BAD_REQUEST, "unsupported_grant_type",
                    "Supported grant types: authorization_code, refresh_token.");
        };
    }

    /** RFC 6749 §4.1.3: redirect_uri is required, as every authorization request here carries one. */
    private Response authorizationCode(Client client, RequestParameters parameters) {
        String code = parameters.required("code");
        String redirectUri = parameters.required("redirect_uri");
        String verifier = parameters.optional("code_verifier");
        return TokenResponse.of(codeExchange.exchange(client, code, redirectUri, verifier, true)).toResponse();
    }

    /** RFC 6749 §6, with rotation (RFC 9700 §4.14.2). */
    private Response refreshToken(Client client, RequestParameters parameters) {
        String refreshToken = parameters.required("refresh_token");
        String requested = parameters.optional("scope");
        String scope = null;
        if (requested != null) {
            scope = Scopes.normalize(requested).orElseThrow(() -> new OAuthException(Status.BAD_REQUEST,
                    "invalid_scope", "Known scopes: read, info, balance."));
        }
        Refreshing outcome = registry.refresh(refreshToken, client.clientId(), scope);
        if (outcome instanceof Refreshing.Refused refused) {
            throw new OAuthException(Status.BAD_REQUEST, refused.error(), refused.reason());
        }
        return TokenResponse.of(((Refreshing.Refreshed) outcome).tokens()).toResponse();
    }
}
