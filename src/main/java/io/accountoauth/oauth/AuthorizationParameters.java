package io.accountoauth.oauth;

import io.accountoauth.client.Client;
import io.accountoauth.token.Scopes;
import jakarta.ws.rs.core.Response.Status;
import java.util.Arrays;

/**
 * The parameters of an authorization request besides the client and its redirect URI, checked for the client:
 * the same rules whether they come in the browser's query (RFC 6749 §4.1.1) or are pushed (RFC 9126).
 *
 * @param codeChallenge the PKCE S256 challenge, or null when the client sent none
 * @param promptConsent true for {@code prompt=consent}: ask the customer even when a consent covers the request
 * @param dpopJkt       {@code dpop_jkt} (RFC 9449 §10): the SHA-256 thumbprint of the DPoP key the code's exchange
 *                      must prove, or null
 */
record AuthorizationParameters(String state, String scope, String codeChallenge, boolean promptConsent,
        String dpopJkt) {

    private static final java.util.regex.Pattern THUMBPRINT = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{43}");

    /** @throws OAuthException invalid_request, invalid_scope or unsupported_response_type */
    static AuthorizationParameters read(RequestParameters parameters, Client client) {
        String state = parameters.optional("state");
        String responseType = parameters.optional("response_type");
        if (responseType != null && !responseType.equals("code")) {
            throw new OAuthException(Status.BAD_REQUEST, "unsupported_response_type",
                    "This server supports response_type=code only.");
        }
        String scope = Scopes.normalize(parameters.optional("scope")).orElseThrow(() -> new OAuthException(
                Status.BAD_REQUEST, "invalid_scope", "Known scopes: read, info, balance."));
        String challenge = Pkce.challenge(parameters, client);
        String prompt = parameters.optional("prompt");
        boolean promptConsent = prompt != null && Arrays.asList(prompt.split(" ")).contains("consent");
        String dpopJkt = parameters.optional("dpop_jkt");
        if (dpopJkt != null && !THUMBPRINT.matcher(dpopJkt).matches()) {
            throw OAuthException.invalidRequest("dpop_jkt must be a SHA-256 JWK thumbprint: 43 base64url characters.");
        }
        return new AuthorizationParameters(state, scope, challenge, promptConsent, dpopJkt);
    }
}
