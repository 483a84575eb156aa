package io.accountoauth.oauth;

import io.accountoauth.client.Client;
import io.accountoauth.token.Grant;

/**
 * A code or refresh token works only for the client it was issued to.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3">RFC 6749 §4.1.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6</a>
 */
final class ClientBinding {

    private ClientBinding() {
    }

    /** @throws OAuthException {@code invalid_grant} when the grant's {@code what} was issued to another client */
    static void check(Grant grant, Client client, String what) {
        if (!grant.clientId().equals(client.clientId())) {
            throw OAuthException.invalidGrant("The " + what + " was issued to another client.");
        }
    }
}
