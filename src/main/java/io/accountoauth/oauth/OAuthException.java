package io.accountoauth.oauth;

import jakarta.ws.rs.core.Response.Status;

/**
 * A refusal in the protocol's own terms: the HTTP status, the RFC 6749 §5.2 error code and a description
 * for the developer. {@link OAuthExceptionMapper} writes it as JSON.
 */
public class OAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Status status;
    private final String error;

    public OAuthException(Status status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException(Status.BAD_REQUEST, "invalid_request", description);
    }

    public static OAuthException invalidClient(String description) {
        return new OAuthException(Status.UNAUTHORIZED, "invalid_client", description);
    }

    public static OAuthException invalidGrant(String description) {
        return new OAuthException(Status.BAD_REQUEST, "invalid_grant", description);
    }

    public Status status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }
}
