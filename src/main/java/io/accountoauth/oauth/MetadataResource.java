package io.accountoauth.oauth;

import io.accountoauth.platform.Issuer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Authorization server metadata, so that a client library can discover every endpoint and capability from
 * the issuer alone. The issuer in the document is the one discovery was asked of.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8414#section-3">RFC 8414 §3</a>
 */
@Path("oauth-authorization-server")
@RequestScoped
@Tag(name = "Discovery")
public class MetadataResource {

    @Inject
    Issuer issuer;

    @Context
    HttpServletRequest servletRequest;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "metadata", summary = "Every endpoint and capability of this authorization server",
            description = """
                    Authorization server metadata (RFC 8414), so that a client library finds everything from the \
                    issuer alone. The issuer is `oauth.issuer` when set, otherwise the scheme, host and port the \
                    request was made to; every endpoint is under it.""")
    @APIResponse(responseCode = "200", description = "The metadata. Cache-Control: max-age=300.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ServerMetadata")))
    @APIResponse(responseCode = "406", description = "The request's Accept header excludes application/json.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError")))
    public Response metadata() {
        return Response.ok(ServerMetadata.of(issuer.of(servletRequest)))
                .header("Cache-Control", "max-age=300")
                .build();
    }
}
