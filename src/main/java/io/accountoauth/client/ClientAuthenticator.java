package io.accountoauth.client;

import io.accountoauth.platform.ClientAddresses;
import io.accountoauth.platform.FailureThrottle;
import io.accountoauth.platform.Jose;
import io.accountoauth.state.SharedState;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;

/**
 * Authenticates a confidential client by its id and secret. An unknown client costs the same digest and
 * comparison as a known one, so timing does not tell which client ids exist.
 *
 * <p>Wrong secrets are throttled per client and source address (five, then a cool-down of 30 seconds doubling up to
 * an hour) and per source address over every client (ten, then the same): client ids are public, so failures from
 * elsewhere never hold back the right secret. Secrets the server issues have 256 random bits, beyond any guessing.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1">RFC 6749 §2.3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.10">RFC 6749 §10.10</a>
 */
@ApplicationScoped
public class ClientAuthenticator {

    private static final String NO_CLIENT_DIGEST = ClientSecrets.digest("no such client");

    @Inject
    ClientRepository clients;

    /** Wrong client secrets per client and source address, counted over every node. */
    public static final String FAILURES = "account-oauth.client-secret-failures";

    @Inject
    SharedState state;

    @Inject
    Clock clock;

    /** Wrong client secrets per source address, over every client. */
    public static final String ADDRESS_FAILURES = "account-oauth.client-secret-failures-per-address";
    public static final int ADDRESS_FREE_FAILURES = 10;

    private FailureThrottle throttle;
    private FailureThrottle addressThrottle;

    @PostConstruct
    void init() {
        throttle = FailureThrottle.bruteForce(state, FAILURES, clock);
        addressThrottle = FailureThrottle.bruteForce(state, ADDRESS_FAILURES, ADDRESS_FREE_FAILURES, clock);
    }

    @Inject
    HttpServletRequest request;

    @Inject
    ClientAddresses addresses;

    @Inject
    ClientAssertions assertions;

    /**
     * The client a private_key_jwt assertion proves, throttled as secrets are: a refused assertion counts against
     * the client it names from this address, and against the address.
     *
     * @throws TooManyAttempts         while that client from this address, or this address, is cooling down
     * @throws Jose.Refused when the assertion proves nothing
     */
    public Client authenticateAssertion(String assertion, String clientId, String audience) {
        String address = addresses.key(request);
        String claimed = clientId != null ? clientId : ClientAssertions.claimedClient(assertion).orElse("");
        String clientKey = "client:" + claimed + " " + address;
        String addressKey = "address:" + address;
        throttle.waitFor(clientKey).or(() -> addressThrottle.waitFor(addressKey)).ifPresent(wait -> {
            throw new TooManyAttempts(wait);
        });
        try {
            Client client = assertions.verify(assertion, clientId, audience);
            throttle.succeeded(clientKey);
            return client;
        } catch (Jose.Refused e) {
            throttle.failed(clientKey);
            addressThrottle.failed(addressKey);
            throw e;
        }
    }

    /** @throws TooManyAttempts while this client from this address, or this address, is cooling down */
    public Optional<Client> authenticate(String clientId, String secret) {
        String address = addresses.key(request);
        String clientKey = "client:" + clientId + " " + address;
        String addressKey = "address:" + address;
        throttle.waitFor(clientKey).or(() -> addressThrottle.waitFor(addressKey)).ifPresent(wait -> {
            throw new TooManyAttempts(wait);
        });
        Optional<Client> client = clients.find(clientId);
        String digest = client.map(Client::secretDigest).orElse(NO_CLIENT_DIGEST);
        boolean matches = ClientSecrets.matches(secret, digest);
        if (!matches || client.isEmpty()) {
            throttle.failed(clientKey);
            addressThrottle.failed(addressKey);
            return Optional.empty();
        }
        throttle.succeeded(clientKey);
        return client;
    }
}
