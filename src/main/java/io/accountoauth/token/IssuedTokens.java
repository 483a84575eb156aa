package io.accountoauth.token;

/** The tokens handed to a client at once: an access token, and a refresh token where one was issued. */
public record IssuedTokens(String accessToken, String refreshToken, String scope, long expiresIn) {
}
