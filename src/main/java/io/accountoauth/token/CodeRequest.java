package io.accountoauth.token;

import java.time.Instant;

/**
 * What the customer approved, to be turned into an authorization code.
 *
 * @param consentId     the consent the tokens will be issued under
 * @param consentEnds   when that consent expires: no token outlives it
 */
public record CodeRequest(String clientId, String redirectUri, String customer, String scope, String codeChallenge,
        String consentId, Instant consentEnds) {
}
