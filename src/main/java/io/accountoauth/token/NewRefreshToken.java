package io.accountoauth.token;

import java.time.Instant;

/** A refresh token to record: the digest of its value, its grant and its lifetime. */
public record NewRefreshToken(String digest, String grantId, Instant issuedAt, Instant expiresAt) {
}
