package io.accountoauth.client;

import io.accountoauth.platform.FailureThrottle;
import io.accountoauth.state.SharedState;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;

/**
 * Authenticates a confidential client by its id and secret. An unknown client costs the same digest and
 * comparison as a known one, so timing does not tell which client ids exist. Wrong secrets are throttled
 * per client and per source address.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1">RFC 6749 §2.3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.10">RFC 6749 §10.10</a>
 */
@ApplicationScoped
public class ClientAuthenticator {

    private static final String NO_CLIENT_DIGEST = ClientSecrets.digest("no such client");

    @Inject
    ClientRepository clients;

    /** Wrong client secrets, per client and per source address, counted over every node. */
    public static final String FAILURES = "account-oauth.client-secret-failures";

    @Inject
    SharedState state;

    @Inject
    Clock clock;

    private FailureThrottle throttle;

    @PostConstruct
    void init() {
        throttle = FailureThrottle.bruteForce(state, FAILURES, clock);
    }

    @Inject
    HttpServletRequest request;

    /** @throws TooManyAttempts while this client or this address is cooling down after wrong secrets */
    public Optional<Client> authenticate(String clientId, String secret) {
        String clientKey = "client:" + clientId;
        String addressKey = "address:" + request.getRemoteAddr();
        throttle.waitFor(clientKey).or(() -> throttle.waitFor(addressKey)).ifPresent(wait -> {
            throw new TooManyAttempts(wait);
        });
        Optional<Client> client = clients.find(clientId);
        String digest = client.map(Client::secretDigest).orElse(NO_CLIENT_DIGEST);
        boolean matches = ClientSecrets.matches(secret, digest);
        if (!matches || client.isEmpty()) {
            throttle.failed(clientKey);
            throttle.failed(addressKey);
            return Optional.empty();
        }
        throttle.succeeded(clientKey);
        return client;
    }
}
