package io.accountoauth.oauth;

import io.accountoauth.client.Client;
import io.accountoauth.platform.Issuer;
import io.accountoauth.token.TokenDescription;
import io.accountoauth.token.TokenRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * Token introspection for confidential clients: what a live token of the asking client stands for, and
 * {@code {"active": false}} for anything else, another client's token included.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662#section-2">RFC 7662 §2</a>
 */
@Path("introspect")
@RequestScoped
public class IntrospectionResource {

    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    TokenRegistry registry;

    @Inject
    Issuer issuer;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest servletRequest;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response introspect(MultivaluedMap<String, String> form) {
        RequestParameters parameters = RequestParameters.singleValued(form);
        Client client = clientAuthentication.authenticate(
                headers.getRequestHeader(HttpHeaders.AUTHORIZATION), parameters, false);
        String token = parameters.required("token");
        JsonObject answer = registry.describe(token)
                .filter(d -> d.grant().clientId().equals(client.clientId()))
                .map(this::active)
                .orElseGet(() -> Json.createObjectBuilder().add("active", false).build());
        return Response.ok(answer).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    private JsonObject active(TokenDescription token) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("active", true)
                .add("scope", token.grant().scope())
                .add("client_id", token.grant().clientId())
                .add("username", token.grant().customer())
                .add("sub", token.grant().customer());
        if (token.kind() == TokenDescription.Kind.ACCESS_TOKEN) {
            json.add("token_type", "Bearer");
        }
        return json
                .add("exp", token.expiresAt().getEpochSecond())
                .add("iat", token.issuedAt().getEpochSecond())
                .add("iss", issuer.of(servletRequest))
                .build();
    }
}
