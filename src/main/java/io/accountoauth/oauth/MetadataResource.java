package io.accountoauth.oauth;

import io.accountoauth.platform.Issuer;
import io.accountoauth.platform.IssuerShaped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
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
 * <p>The document is a constant for a given issuer, so it is written once and the text kept: only the last one,
 * since the issuer comes from the request when {@code oauth.issuer} is not set.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8414#section-3">RFC 8414 §3</a>
 */
@IssuerShaped
@Path("oauth-authorization-server")
@ApplicationScoped
public class MetadataResource {

    private static final Jsonb JSONB = JsonbBuilder.create();

    /** An issuer's document, as JSON. */
    private record Written(String issuer, String json) {
    }

    @Inject
    Issuer issuer;

    private volatile Written last;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response metadata(@Context HttpServletRequest request) {
        return Response.ok(document(issuer.of(request)), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "max-age=300")
                .build();
    }

    private String document(String issuerId) {
        Written written = last;
        if (written == null || !written.issuer().equals(issuerId)) {
            written = new Written(issuerId, JSONB.toJson(ServerMetadata.of(issuerId)));
            last = written;
        }
        return written.json();
    }
}
