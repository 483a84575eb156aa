package io.accountoauth.token;

/**
 * The tokens handed to a client at once: an access token, a refresh token where one was issued, and the
 * consent they are issued under.
 *
 * @param expiresIn seconds until the access token expires
 */
public record IssuedTokens(String accessToken, String refreshToken, String scope, long expiresIn, String consentId) {
}
