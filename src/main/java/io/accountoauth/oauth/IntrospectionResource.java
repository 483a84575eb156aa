package io.accountoauth.oauth;

import io.accountoauth.client.Client;
import io.accountoauth.platform.Issuer;
import io.accountoauth.platform.IssuerShaped;
import io.accountoauth.platform.SecuritySchemes;
import io.accountoauth.token.TokenRegistry;
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
import jakarta.ws.rs.core.Response;
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
 * Token introspection for confidential clients: what a live token of the asking client stands for, and
 * {@code {"active": false}} for anything else, another client's token included.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662#section-2">RFC 7662 §2</a>
 */
@IssuerShaped
@Path("introspect")
@ApplicationScoped
@Tag(name = "Token")
public class IntrospectionResource {

    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    TokenRegistry registry;

    @Inject
    Issuer issuer;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "introspect", summary = "Tell what one of the client's tokens stands for",
            description = """
                    Token introspection (RFC 7662), for confidential clients: HTTP Basic or client_id and \
                    client_secret in the form; a public client gets 401. A live access or refresh token of the \
                    asking client is described; anything else, another client's token included, is \
                    `{"active": false}`. Only POST: any other method is answered 405.""")
    @SecurityRequirement(name = SecuritySchemes.BASIC)
    @APIResponse(responseCode = "200", description = "The token's description, or {\"active\": false}. "
            + "Cache-Control: no-store.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "IntrospectionResponse")))
    @APIResponse(responseCode = "400", description = "invalid_request: the token is missing, a parameter is "
            + "repeated, or two client authentication methods are used.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError")))
    @APIResponse(responseCode = "401", description = "invalid_client: client authentication is missing or fails, or "
            + "the client is public.", headers = @Header(name = "WWW-Authenticate", ref = "BasicChallenge"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError")))
    @APIResponse(responseCode = "415", ref = "NotAForm")
    public Response introspect(@RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "token", properties = {
                    @SchemaProperty(name = "token", type = SchemaType.STRING,
                            description = "An access or refresh token."),
                    @SchemaProperty(name = "token_type_hint", type = SchemaType.STRING,
                            enumeration = {"access_token", "refresh_token"},
                            description = "Accepted and not needed: both kinds are looked up."),
                    @SchemaProperty(name = "client_id", type = SchemaType.STRING,
                            description = "client_secret_post; with Basic it may be left out."),
                    @SchemaProperty(name = "client_secret", type = SchemaType.STRING,
                            description = "client_secret_post; never together with Basic.")})))
            MultivaluedMap<String, String> form, @Context HttpHeaders headers,
            @Context HttpServletRequest servletRequest) {
        RequestParameters parameters = RequestParameters.singleValued(form);
        Client client = clientAuthentication.authenticate(
                headers.getRequestHeader(HttpHeaders.AUTHORIZATION), parameters, false);
        String token = parameters.required("token");
        IntrospectionResponse answer = registry.describe(token)
                .filter(d -> d.grant().clientId().equals(client.clientId()))
                .map(d -> IntrospectionResponse.of(d, issuer.of(servletRequest)))
                .orElse(IntrospectionResponse.INACTIVE);
        return Response.ok(answer).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
