package io.accountoauth.oauth;

import io.accountoauth.client.Client;
import io.accountoauth.token.TokenRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * Token revocation: a client ends one of its own tokens; a refresh token takes its whole grant with it.
 * Unknown tokens and other clients' tokens are answered 200 all the same and left untouched.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7009#section-2">RFC 7009 §2</a>
 */
@Path("revoke")
@RequestScoped
public class RevocationResource {

    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    TokenRegistry registry;

    @Context
    HttpHeaders headers;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(MultivaluedMap<String, String> form) {
        RequestParameters parameters = RequestParameters.singleValued(form);
        Client client = clientAuthentication.authenticate(
                headers.getRequestHeader(HttpHeaders.AUTHORIZATION), parameters, true);
        String token = parameters.required("token");
        // token_type_hint is only a hint (RFC 7009 §2.1): both kinds are looked up either way.
        registry.revoke(token, client.clientId());
        return Response.ok().header("Cache-Control", "no-store").build();
    }
}
