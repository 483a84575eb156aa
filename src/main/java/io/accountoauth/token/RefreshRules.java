package io.accountoauth.token;

/**
 * The rules a refresh must pass, which the endpoint brings and the registry applies around its own reuse
 * detection: a broken rule throws, and nothing is rotated.
 */
public interface RefreshRules {

    /** Throws when this client may not present the grant's refresh token at all; runs before reuse detection. */
    void presenter(Grant grant);

    /**
     * Throws when the request asks for what the grant does not cover; runs after reuse detection.
     *
     * @return the grant the new access token is issued under: the grant itself, or narrowed
     */
    Grant request(Grant grant);

    /** Whether the refresh token is rotated (RFC 9700 §4.14.2); otherwise it is returned as it is. */
    default boolean rotates() {
        return true;
    }
}
