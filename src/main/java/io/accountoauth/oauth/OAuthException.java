package io.accountoauth.oauth;

import jakarta.ws.rs.core.Response.Status;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal in the protocol's own terms: the HTTP status, the RFC 6749 §5.2 error code and a description
 * for the developer. {@link OAuthExceptionMapper} writes it as JSON.
 */
public class OAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Status status;
    private final String error;
    private final Map<String, String> headers = new LinkedHashMap<>();

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

    /** Adds a response header, such as a challenge. */
    public OAuthException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
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
