package io.accountoauth.client;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a client authenticates at the token endpoint, by its RFC 7591 metadata name. A confidential client
 * may use either secret method; the registered one is what it declared.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-2">RFC 7591 §2</a>
 */
public enum AuthMethod {
    CLIENT_SECRET_BASIC("client_secret_basic"),
    CLIENT_SECRET_POST("client_secret_post"),
    /** A JWT signed with one of the client's registered keys (RFC 7523 §2.2); the client has no secret. */
    PRIVATE_KEY_JWT("private_key_jwt"),
    NONE("none");

    private final String metadataName;

    AuthMethod(String metadataName) {
        this.metadataName = metadataName;
    }

    public String metadataName() {
        return metadataName;
    }

    public static Optional<AuthMethod> fromMetadataName(String name) {
        return Arrays.stream(values()).filter(m -> m.metadataName.equals(name)).findFirst();
    }
}
