package io.accountoauth.token;

import java.time.Instant;

/**
 * What the customer approved, to be turned into an authorization code.
 *
 * @param consentId     the consent the tokens will be issued under
 * @param consentEnds   when that consent expires: no token outlives it
 * @param dpopJkt       the thumbprint of the DPoP key the code is bound to ({@code dpop_jkt}, RFC 9449 §10), or null
 */
public record CodeRequest(String clientId, String redirectUri, String customer, String scope, String codeChallenge,
        String consentId, Instant consentEnds, String dpopJkt) {

    public CodeRequest(String clientId, String redirectUri, String customer, String scope, String codeChallenge,
            String consentId, Instant consentEnds) {
        this(clientId, redirectUri, customer, scope, codeChallenge, consentId, consentEnds, null);
    }
}
