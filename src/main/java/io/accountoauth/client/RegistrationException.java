package io.accountoauth.client;

/**
 * Client metadata that cannot be registered, with the RFC 7591 §3.2.2 error code:
 * {@code invalid_redirect_uri} or {@code invalid_client_metadata}.
 */
public class RegistrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;

    public RegistrationException(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    public static RegistrationException invalidMetadata(String description) {
        return new RegistrationException("invalid_client_metadata", description);
    }

    public String error() {
        return error;
    }
}
