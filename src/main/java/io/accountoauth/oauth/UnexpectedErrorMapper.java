package io.accountoauth.oauth;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line for the REST endpoints: a JAX-RS refusal (404, 405, 415, ...) keeps its status with a JSON
 * body; a request body in a charset the server cannot read is a 415 too; anything unexpected is logged here and
 * answered with a plain {@code server_error}, never a stack trace.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    @Inject
    Logger log;

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof WebApplicationException web) {
            Response original = web.getResponse();
            int status = original.getStatus();
            String error = status >= 500 ? "server_error" : "invalid_request";
            return Response.fromResponse(original)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new OAuthError(error, statusText(original)))
                    .build();
        }
        if (e instanceof UnsupportedCharsetException || e instanceof IllegalCharsetNameException) {
            // The Content-Type names a charset this server cannot decode the body in
            return Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new OAuthError("invalid_request", "The body's charset is not supported; send UTF-8."))
                    .build();
        }
        log.log(Level.SEVERE, "Unexpected failure serving a request", e);
        return Response.serverError()
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OAuthError("server_error", "The server could not complete the request."))
                .build();
    }

    private static String statusText(Response response) {
        Response.StatusType status = response.getStatusInfo();
        return "HTTP " + status.getStatusCode() + " " + status.getReasonPhrase();
    }
}
