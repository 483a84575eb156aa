package io.accountoauth.oauth;

import io.accountoauth.client.TooManyAttempts;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Client-secret guessing gets 429 with {@code Retry-After}, in the RFC 6749 §5.2 error format. */
@Provider
public class TooManyAttemptsMapper implements ExceptionMapper<TooManyAttempts> {

    @Override
    public Response toResponse(TooManyAttempts e) {
        long seconds = Math.max(1, (e.waitFor().toMillis() + 999) / 1000);
        return new OAuthExceptionMapper().toResponse(new OAuthException(Response.Status.TOO_MANY_REQUESTS,
                "temporarily_unavailable", "Too many failed client authentications; try again in " + seconds
                + " seconds.").withHeader("Retry-After", Long.toString(seconds)));
    }
}
