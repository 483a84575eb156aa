package io.accountoauth.token;

/**
 * The tokens handed to a client at once: an access token, a refresh token where one was issued, and the
 * consent they are issued under.
 *
 * @param expiresIn seconds until the access token expires
 * @param jkt       the thumbprint of the key the access token is bound to (DPoP), or null for a bearer token
 */
public record IssuedTokens(String accessToken, String refreshToken, String scope, long expiresIn, String consentId,
        String jkt) {

    public IssuedTokens(String accessToken, String refreshToken, String scope, long expiresIn, String consentId) {
        this(accessToken, refreshToken, scope, expiresIn, consentId, null);
    }
}
