package io.accountoauth.oauth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * This server takes access tokens in the Authorization header only: a request that carries one in its query
 * string or form body is refused before anything else looks at it, whatever its path or method.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.3.2">RFC 9700 §4.3.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-2.2">RFC 6750 §2.2, §2.3</a>
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class TokenPlacementFilter implements ContainerRequestFilter {

    /** The RFC 6750 parameter name of a token sent outside the header. */
    static final String PARAMETER = "access_token";
    private static final int MAX_FORM_BYTES = 64 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getQueryParameters().containsKey(PARAMETER) || formCarriesToken(request)) {
            request.abortWith(BearerTokenFilter.challenge(Status.BAD_REQUEST, "invalid_request",
                    "Send the access token in the Authorization header only, not in the query or body.", null));
        }
    }

    private static boolean formCarriesToken(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (!request.hasEntity() || type == null || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)) {
            return false;
        }
        try {
            byte[] body = request.getEntityStream().readNBytes(MAX_FORM_BYTES + 1);
            if (body.length > MAX_FORM_BYTES) {
                // Refused whole rather than read in part: the rest of the form would silently go missing
                throw new OAuthException(Status.REQUEST_ENTITY_TOO_LARGE, "invalid_request",
                        "The form body is larger than " + MAX_FORM_BYTES / 1024 + " KiB.");
            }
            request.setEntityStream(new ByteArrayInputStream(body));
            for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
                if (pair.equals(PARAMETER) || pair.startsWith(PARAMETER + "=")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
