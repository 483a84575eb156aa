package io.accountoauth.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the authorization codes and access tokens this server has issued, keyed by their SHA-256 digest.
 * Codes and tokens are valid for 60 seconds, checked against the injected clock on every lookup; expired
 * entries are removed as they are met and by a sweep at most once a second, so memory stays bounded by
 * the issue rate times the validity.
 */
@ApplicationScoped
public class TokenRegistry {

    /** RFC 6749 §4.1.2 recommends at most 10 minutes; the sandbox, like the original, allows one. */
    public static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    /** The seed's promise: an access token is valid for 60 seconds. */
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(60);
    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

    private final ConcurrentMap<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

    private Clock clock;
    private TokenGenerator generator;

    protected TokenRegistry() {
        // for the CDI proxy
    }

    @Inject
    public TokenRegistry(Clock clock, TokenGenerator generator) {
        this.clock = clock;
        this.generator = generator;
    }

    /** Issues a single-use code for what the customer approved. */
    public String issueCode(CodeRequest request) {
        Instant now = clock.instant();
        sweepIfDue(now);
        String code = generator.next();
        AuthorizationCode entry = new AuthorizationCode(generator.next(), request.clientId(), request.redirectUri(),
                request.customer(), request.scope(), now.plus(CODE_LIFETIME), false);
        codes.put(TokenDigest.of(code), entry);
        return code;
    }

    /**
     * Exchanges a code, atomically: of any number of concurrent redemptions of one code, one at most succeeds.
     * A code presented by a client it was not issued to, or with another redirect URI, is used up all the same.
     * A code presented a second time is a replay: the tokens already issued from it are revoked
     * (RFC 6749 §4.1.2).
     *
     * @param redirectUri the redirect URI the client presented, or null where the client sent none
     */
    public Redemption redeem(String code, String clientId, String redirectUri) {
        Instant now = clock.instant();
        AtomicReference<Redemption> outcome = new AtomicReference<>(new Redemption.Refused("The code is unknown."));
        AtomicReference<String> replayedGrant = new AtomicReference<>();
        codes.computeIfPresent(TokenDigest.of(code), (key, entry) -> {
            if (entry.isExpiredAt(now)) {
                outcome.set(new Redemption.Refused("The code has expired."));
                return null;
            }
            if (entry.redeemed()) {
                outcome.set(new Redemption.Refused("The code has already been used."));
                replayedGrant.set(entry.grantId());
                return entry;
            }
            if (!entry.clientId().equals(clientId)) {
                outcome.set(new Redemption.Refused("The code was issued to another client."));
                return null;
            }
            if (redirectUri != null && !redirectUri.equals(entry.redirectUri())) {
                outcome.set(new Redemption.Refused("The redirect_uri differs from the authorization request's."));
                return null;
            }
            outcome.set(new Redemption.Granted(entry));
            return entry.redeem();
        });
        if (replayedGrant.get() != null) {
            revokeGrant(replayedGrant.get());
        }
        return outcome.get();
    }

    /** Issues an access token under the grant that a redeemed code stands for. */
    public String issueAccessToken(AuthorizationCode grant) {
        Instant now = clock.instant();
        sweepIfDue(now);
        String token = generator.next();
        accessTokens.put(TokenDigest.of(token), new AccessToken(grant.grantId(), grant.clientId(),
                grant.customer(), grant.scope(), now.plus(ACCESS_TOKEN_LIFETIME)));
        return token;
    }

    /** The token's meaning while it is valid; empty for an unknown, expired or revoked token. */
    public Optional<AccessToken> findAccessToken(String token) {
        String key = TokenDigest.of(token);
        AccessToken entry = accessTokens.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.isExpiredAt(clock.instant())) {
            accessTokens.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /** Ends every token issued under a grant. */
    public void revokeGrant(String grantId) {
        accessTokens.values().removeIf(token -> token.grantId().equals(grantId));
    }

    /** How many codes and access tokens are held, expired ones not yet swept included. */
    public int size() {
        return codes.size() + accessTokens.size();
    }

    /** Removes every expired entry now. */
    public void sweep() {
        Instant now = clock.instant();
        codes.values().removeIf(code -> code.isExpiredAt(now));
        accessTokens.values().removeIf(token -> token.isExpiredAt(now));
    }

    private void sweepIfDue(Instant now) {
        Instant due = nextSweep.get();
        if (!now.isBefore(due) && nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL))) {
            sweep();
        }
    }
}
