package io.accountoauth.oauth;

import io.accountoauth.platform.RandomValues;
import io.accountoauth.state.Fields;
import io.accountoauth.state.SharedMap;
import io.accountoauth.state.SharedState;
import io.accountoauth.token.TokenDigest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Pushed authorization requests (RFC 9126), each under a {@code request_uri} of 256 random bits, on the map every
 * node shares: a request pushed to one node can be used at another's authorization endpoint. A request is the
 * client's for {@link #LIFETIME}, and is used up by its first use. The map holds the digest of the reference,
 * never the reference itself.
 */
@ApplicationScoped
public class PushedRequests {

    /** The pushed requests, by the digest of their request_uri, on every node. */
    public static final String PUSHED = "account-oauth.pushed-requests";
    public static final String URN_PREFIX = "urn:ietf:params:oauth:request_uri:";
    public static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final String USED = "used";

    /** What the client pushed, checked: all the authorization endpoint needs but the issuer and the app's name. */
    public record Pushed(String clientId, String redirectUri, String state, String scope, String codeChallenge,
            boolean promptConsent, String dpopJkt) {
    }

    @Inject
    SharedState state;

    @Inject
    Clock clock;

    private SharedMap pushed;

    @PostConstruct
    void init() {
        // A little longer than a request lives, so that a late use finds it expired rather than unknown
        pushed = state.map(PUSHED, LIFETIME.multipliedBy(2));
    }

    /** Files the request and returns its new request_uri. */
    public String push(Pushed request) {
        String requestUri = URN_PREFIX + RandomValues.next();
        pushed.put(TokenDigest.of(requestUri), Fields.pack(request.clientId(), request.redirectUri(), request.state(),
                request.scope(), request.codeChallenge(), Boolean.toString(request.promptConsent()),
                Long.toString(clock.instant().plus(LIFETIME).toEpochMilli()), request.dpopJkt()));
        return requestUri;
    }

    /**
     * Uses up the request pushed under {@code requestUri} by this client: present once, while it lives. Of any
     * number of concurrent uses, on any nodes, exactly one gets it.
     */
    public Optional<Pushed> use(String requestUri, String clientId) {
        if (requestUri == null || !requestUri.startsWith(URN_PREFIX)) {
            return Optional.empty();
        }
        String key = TokenDigest.of(requestUri);
        String packed = pushed.get(key);
        if (packed == null || packed.equals(USED)) {
            return Optional.empty();
        }
        String[] f = Fields.unpack(packed);
        if (!f[0].equals(clientId) || !clock.instant().isBefore(Instant.ofEpochMilli(Long.parseLong(f[6])))) {
            return Optional.empty();
        }
        if (!pushed.replace(key, packed, USED)) {
            return Optional.empty();
        }
        return Optional.of(new Pushed(f[0], f[1], f[2], f[3], f[4], Boolean.parseBoolean(f[5]),
                f.length > 7 ? f[7] : null));
    }
}
