package io.accountoauth.oauth;

import io.accountoauth.client.Client;
import io.accountoauth.consent.Consent;
import io.accountoauth.consent.ConsentEvent;
import io.accountoauth.consent.ConsentService;
import io.accountoauth.token.Scopes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;

/**
 * The app's view of its consents: {@code GET /account/consents/{id}} tells it whether the customer still
 * lets it read, and {@code DELETE} gives the consent up. A client sees only its own consents; any other id
 * is 404. The client authenticates with HTTP Basic, or, for a public client, names itself with
 * {@code ?client_id=}.
 */
@Path("consents/{id}")
@RequestScoped
public class ConsentResource {

    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    ConsentService consents;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("id") String id) {
        Client client = authenticate();
        Consent consent = consents.ofClient(id, client.clientId()).orElseThrow(ConsentResource::notFound);
        return Response.ok(describe(consent)).header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(@PathParam("id") String id) {
        Client client = authenticate();
        consents.revokeByClient(id, client.clientId()).orElseThrow(ConsentResource::notFound);
        return Response.noContent().build();
    }

    private Client authenticate() {
        RequestParameters query = new RequestParameters(uriInfo.getQueryParameters());
        if (query.optional("client_secret") != null) {
            throw OAuthException.invalidRequest("Never put a client secret in a URL: authenticate with HTTP Basic.");
        }
        return clientAuthentication.authenticate(headers.getRequestHeader(HttpHeaders.AUTHORIZATION), query, true);
    }

    private static OAuthException notFound() {
        return new OAuthException(Status.NOT_FOUND, "not_found", "This client has no consent with that id.");
    }

    static JsonObject describe(Consent consent) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("consent_id", consent.id())
                .add("status", consent.status().name())
                .add("client_id", consent.clientId())
                .add("scope", consent.scope());
        JsonArrayBuilder permissions = Json.createArrayBuilder();
        Scopes.permissions(consent.scope()).forEach(permissions::add);
        json.add("permissions", permissions);
        time(json, "created_at", consent.createdAt());
        time(json, "authorised_at", consent.authorisedAt());
        time(json, "expires_at", consent.expiresAt());
        time(json, "revoked_at", consent.revokedAt());
        if (consent.revokedBy() != null) {
            json.add("revoked_by", consent.revokedBy().startsWith("client:") ? "client" : "customer");
        }
        time(json, "last_used_at", consent.lastUsedAt());
        JsonArrayBuilder history = Json.createArrayBuilder();
        for (ConsentEvent event : consent.history()) {
            history.add(Json.createObjectBuilder()
                    .add("status", event.to().name())
                    .add("at", event.at().toString()));
        }
        return json.add("history", history).build();
    }

    private static void time(JsonObjectBuilder json, String name, Instant instant) {
        if (instant != null) {
            json.add(name, instant.toString());
        }
    }
}
