package io.accountoauth.client;

import java.util.List;

/**
 * The metadata an app asks to be registered with, as sent (RFC 7591 §2): any field may be null.
 *
 * @param requirePushedRequests RFC 9126 §6 {@code require_pushed_authorization_requests}
 * @param jwks                  the {@code jwks} object as JSON text (RFC 7591 §2)
 * @param dpopBoundAccessTokens RFC 9449 §5.2 {@code dpop_bound_access_tokens}
 */
public record ClientMetadata(
        String clientName,
        List<String> redirectUris,
        String tokenEndpointAuthMethod,
        List<String> grantTypes,
        List<String> responseTypes,
        Boolean requirePushedRequests,
        String jwks,
        Boolean dpopBoundAccessTokens) {

    public ClientMetadata(String clientName, List<String> redirectUris, String tokenEndpointAuthMethod,
            List<String> grantTypes, List<String> responseTypes) {
        this(clientName, redirectUris, tokenEndpointAuthMethod, grantTypes, responseTypes, null, null, null);
    }
}
