package io.accountoauth.oauth;

import io.accountoauth.client.Client;
import io.accountoauth.consent.Consent;
import io.accountoauth.consent.ConsentService;
import io.accountoauth.platform.SecuritySchemes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The app's view of its consents: {@code GET /account/consents/{id}} tells it whether the customer still
 * lets it read, and {@code DELETE} gives the consent up. A client sees only its own consents; any other id
 * is 404. The client authenticates with HTTP Basic, or, for a public client, names itself with
 * {@code ?client_id=}.
 */
@Path("consents/{id}")
@ApplicationScoped
@Tag(name = "Consents")
public class ConsentResource {

    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    ConsentService consents;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "consentStatus", summary = "Tell whether a consent still holds",
            description = """
                    The app's view of one of its consents (its id is the token response's `consent_id`): its \
                    status, what it covers, when it was authorised, when it expires, when it was last used. \
                    The client authenticates with HTTP Basic; a public client names itself with `?client_id=`. \
                    Another client's consent, or an unknown id, is 404.""")
    @SecurityRequirementsSet(@SecurityRequirement(name = SecuritySchemes.BASIC))
    @SecurityRequirementsSet
    @Parameter(name = "client_id", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING),
            description = "A public client's client_id; a confidential client uses Basic instead.")
    @APIResponse(responseCode = "200", description = "The consent. Cache-Control: no-store.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Consent")))
    @APIResponse(responseCode = "400", ref = "ConsentInvalidRequest")
    @APIResponse(responseCode = "401", ref = "InvalidClient")
    @APIResponse(responseCode = "404", ref = "ConsentNotFound")
    public Response status(
            @Parameter(required = true, description = "The consent's id, the token response's consent_id.")
            @PathParam("id") String id, @Context UriInfo uriInfo, @Context HttpHeaders headers) {
        Client client = authenticate(uriInfo, headers);
        Consent consent = consents.ofClient(id, client.clientId()).orElseThrow(ConsentResource::notFound);
        return Response.ok(ConsentStatus.of(consent)).header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeConsent", summary = "Give a consent up",
            description = """
                    The app gives up one of its consents: an authorised consent becomes REVOKED, and every code \
                    and token issued under it stops working at once. A consent that no longer holds is answered \
                    204 all the same. Client authentication as for GET.""")
    @SecurityRequirementsSet(@SecurityRequirement(name = SecuritySchemes.BASIC))
    @SecurityRequirementsSet
    @Parameter(name = "client_id", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING),
            description = "A public client's client_id; a confidential client uses Basic instead.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    @APIResponse(responseCode = "400", ref = "ConsentInvalidRequest")
    @APIResponse(responseCode = "401", ref = "InvalidClient")
    @APIResponse(responseCode = "404", ref = "ConsentNotFound")
    public Response revoke(
            @Parameter(required = true, description = "The consent's id, the token response's consent_id.")
            @PathParam("id") String id, @Context UriInfo uriInfo, @Context HttpHeaders headers) {
        Client client = authenticate(uriInfo, headers);
        consents.revokeByClient(id, client.clientId()).orElseThrow(ConsentResource::notFound);
        return Response.noContent().build();
    }

    private Client authenticate(UriInfo uriInfo, HttpHeaders headers) {
        RequestParameters query = new RequestParameters(uriInfo.getQueryParameters());
        if (query.optional("client_secret") != null) {
            throw OAuthException.invalidRequest("Never put a client secret in a URL: authenticate with HTTP Basic.");
        }
        return clientAuthentication.authenticate(headers.getRequestHeader(HttpHeaders.AUTHORIZATION), query, true);
    }

    private static OAuthException notFound() {
        return new OAuthException(Status.NOT_FOUND, "not_found", "This client has no consent with that id.");
    }
}
