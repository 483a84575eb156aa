package io.accountoauth.oauth;

import io.accountoauth.client.Client;
import io.accountoauth.platform.SecuritySchemes;
import io.accountoauth.token.TokenRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
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
 * Token revocation: a client ends one of its own tokens; a refresh token takes its whole grant with it.
 * Unknown tokens and other clients' tokens are answered 200 all the same and left untouched.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7009#section-2">RFC 7009 §2</a>
 */
@Path("revoke")
@ApplicationScoped
@Tag(name = "Token")
public class RevocationResource {

    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    TokenRegistry registry;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "revokeToken", summary = "End one of the client's tokens",
            description = """
                    Token revocation (RFC 7009). An access token ends alone; a refresh token ends its whole \
                    grant, the access tokens issued with it included. An unknown token, or another client's, is \
                    answered 200 all the same and left untouched. Client authentication as at the token \
                    endpoint, public clients included. Only POST: any other method is answered 405.""")
    @SecurityRequirementsSet(@SecurityRequirement(name = SecuritySchemes.BASIC))
    @SecurityRequirementsSet
    @APIResponse(responseCode = "200", description = "Revoked, or nothing to revoke. No body.")
    @APIResponse(responseCode = "400", description = "invalid_request: the token is missing, a parameter is "
            + "repeated, or two client authentication methods are used.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError")))
    @APIResponse(responseCode = "401", ref = "InvalidClient")
    @APIResponse(responseCode = "415", ref = "NotAForm")
    public Response revoke(@RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "token", properties = {
                    @SchemaProperty(name = "token", type = SchemaType.STRING,
                            description = "An access or refresh token."),
                    @SchemaProperty(name = "token_type_hint", type = SchemaType.STRING,
                            enumeration = {"access_token", "refresh_token"},
                            description = "Accepted and not needed: both kinds are looked up."),
                    @SchemaProperty(name = "client_id", type = SchemaType.STRING,
                            description = "client_secret_post, or a public client (none); with Basic it may be "
                                    + "left out."),
                    @SchemaProperty(name = "client_secret", type = SchemaType.STRING,
                            description = "client_secret_post; never together with Basic.")})))
            MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        RequestParameters parameters = RequestParameters.singleValued(form);
        Client client = clientAuthentication.authenticate(
                headers.getRequestHeader(HttpHeaders.AUTHORIZATION), parameters, true);
        String token = parameters.required("token");
        // token_type_hint is only a hint (RFC 7009 §2.1): both kinds are looked up either way.
        registry.revoke(token, client.clientId());
        return Response.ok().header("Cache-Control", "no-store").build();
    }
}
