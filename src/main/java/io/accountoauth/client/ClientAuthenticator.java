package io.accountoauth.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Authenticates a confidential client by its id and secret. An unknown client costs the same digest
 * and comparison as a known one, so timing does not tell which client ids exist.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1">RFC 6749 §2.3.1</a>
 */
@ApplicationScoped
public class ClientAuthenticator {

    private static final String NO_CLIENT_DIGEST = ClientSecrets.digest("no such client");

    @Inject
    ClientRepository clients;

    public Optional<Client> authenticate(String clientId, String secret) {
        Optional<Client> client = clients.find(clientId);
        String digest = client.map(Client::secretDigest).orElse(NO_CLIENT_DIGEST);
        boolean matches = ClientSecrets.matches(secret, digest);
        return matches ? client : Optional.empty();
    }
}
