package io.accountoauth.client;

import java.util.List;

/**
 * The metadata an app asks to be registered with, as sent (RFC 7591 §2): any field may be null.
 */
public record ClientMetadata(
        String clientName,
        List<String> redirectUris,
        String tokenEndpointAuthMethod,
        List<String> grantTypes,
        List<String> responseTypes) {
}
