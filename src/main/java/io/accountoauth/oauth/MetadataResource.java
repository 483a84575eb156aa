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

/**
 * Authorization server metadata, so that a client library can discover every endpoint and capability from
 * the issuer alone. The issuer in the document is the one discovery was asked of. Its OpenAPI description is in
 * {@code META-INF/openapi.yaml}: the servers' scanners do not agree on the path of a second JAX-RS application.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8414#section-3">RFC 8414 §3</a>
 */
@Path("oauth-authorization-server")
@RequestScoped
public class MetadataResource {

    @Inject
    Issuer issuer;

    @Context
    HttpServletRequest servletRequest;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response metadata() {
        return Response.ok(ServerMetadata.of(issuer.of(servletRequest)))
                .header("Cache-Control", "max-age=300")
                .build();
    }
}
