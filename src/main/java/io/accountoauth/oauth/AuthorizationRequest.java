package io.accountoauth.oauth;

import java.io.Serializable;

/**
 * An authorization request that passed the client and redirect URI checks, waiting for the customer.
 *
 * @param codeChallenge the PKCE S256 challenge, or null when the client sent none
 * @param issuer        this server's issuer as the request reached it, returned as {@code iss} (RFC 9207)
 * @param promptConsent true for {@code prompt=consent}: ask the customer even when a consent covers the request
 * @param dpopJkt       {@code dpop_jkt} (RFC 9449 §10): the DPoP key the code's exchange must prove, or null
 */
public record AuthorizationRequest(
        String clientId,
        String clientName,
        String redirectUri,
        String state,
        String scope,
        String codeChallenge,
        String issuer,
        boolean promptConsent,
        String dpopJkt) implements Serializable {

    public AuthorizationRequest(String clientId, String clientName, String redirectUri, String state, String scope,
            String codeChallenge, String issuer, boolean promptConsent) {
        this(clientId, clientName, redirectUri, state, scope, codeChallenge, issuer, promptConsent, null);
    }

    /** Where the browser takes the code (RFC 6749 §4.1.2), with {@code state} and {@code iss}. */
    public String codeResponse(String code) {
        return AuthorizationResponse.to(redirectUri).code(code).with("state", state).with("iss", issuer).uri();
    }

    /** Where the browser takes an error (RFC 6749 §4.1.2.1), with {@code state} and {@code iss}. */
    public String errorResponse(String error, String description) {
        return AuthorizationResponse.to(redirectUri).error(error, description)
                .with("state", state).with("iss", issuer).uri();
    }
}
