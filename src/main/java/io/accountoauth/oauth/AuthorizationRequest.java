package io.accountoauth.oauth;

import java.io.Serializable;

/** An authorization request that passed the client and redirect URI checks, waiting for the customer. */
public record AuthorizationRequest(
        String clientId,
        String clientName,
        String redirectUri,
        String state,
        String scope) implements Serializable {
}
