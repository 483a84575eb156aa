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
import java.util.function.Function;

/**
 * Holds the authorization codes, access tokens and refresh tokens this server has issued, by the SHA-256
 * digest of their values. Validity is checked against the injected clock on every lookup: codes and access
 * tokens live 60 seconds, and no token outlives the consent it was issued under. Expired entries are dropped as lookups meet them and by a sweep of every store that
 * each issue starts at most once a second, so memory stays bounded by issue rate times lifetime.
 */
@ApplicationScoped
public class TokenRegistry {

    /** RFC 6749 §4.1.2 recommends at most 10 minutes; the sandbox, like the original, allows one. */
    public static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    /** The original sandbox's promise: an access token is valid for 60 seconds. */
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(60);
    /** As long as the consent lasts at most: open-banking consents run 90 days. */
    public static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(90);
    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);
    /** How long a revoked grant or consent is remembered, to refuse tokens still being issued under it. */
    private static final Duration REVOCATION_MEMORY = Duration.ofDays(1);

    private final ExpiringStore<AuthorizationCode> codes = new ExpiringStore<>();
    private final ExpiringStore<AccessToken> accessTokens = new ExpiringStore<>();
    private final ExpiringStore<RefreshToken> refreshTokens = new ExpiringStore<>();
    private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);
    /** Revoked grants ({@code grant:<id>}) and consents ({@code consent:<id>}), until when to remember them. */
    private final ConcurrentMap<String, Instant> revoked = new ConcurrentHashMap<>();

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
        Instant now = sweepIfDue();
        String code = generator.next();
        Grant grant = new Grant(generator.next(), request.clientId(), request.customer(), request.scope(),
                request.consentId(), request.consentEnds());
        codes.put(code, new AuthorizationCode(grant, request.redirectUri(), request.codeChallenge(),
                grant.cap(now.plus(CODE_LIFETIME)), false));
        return code;
    }

    /** {@link #redeem(String, String, String, Function, boolean)} with no proof to check and no refresh token. */
    public Redemption redeem(String code, String clientId, String redirectUri) {
        return redeem(code, clientId, redirectUri, c -> null, false);
    }

    /**
     * Exchanges a code for tokens in one atomic step: of any number of concurrent redemptions of one code,
     * one at most gets tokens, and they exist before any other redemption is looked at. A code presented by
     * a client it was not issued to, with another redirect URI, or with a failing proof, is used up all the
     * same. A code presented again is a replay: the grant it started is revoked (RFC 6749 §4.1.2).
     *
     * @param redirectUri the redirect URI the client presented, or null where it sent none
     * @param proofCheck  checks the client's proof of possession (PKCE): null when it holds, else the reason
     */
    public Redemption redeem(String code, String clientId, String redirectUri,
            Function<AuthorizationCode, String> proofCheck, boolean withRefreshToken) {
        Instant now = clock.instant();
        AtomicReference<Redemption> outcome = new AtomicReference<>(new Redemption.Refused("The code is unknown."));
        AtomicReference<String> replayedGrant = new AtomicReference<>();
        codes.update(code, (key, entry) -> {
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
            String proofFailure = proofCheck.apply(entry);
            if (proofFailure != null) {
                outcome.set(new Redemption.Refused(proofFailure));
                return entry.redeem();
            }
            outcome.set(issue(entry.grant(), withRefreshToken)
                    .<Redemption>map(tokens -> new Redemption.Granted(entry, tokens))
                    .orElseGet(() -> new Redemption.Refused("The consent behind the code has been revoked.")));
            return entry.redeem();
        });
        if (replayedGrant.get() != null) {
            revokeGrant(replayedGrant.get());
        }
        return outcome.get();
    }

    /**
     * Issues an access token under a grant, and a refresh token with it when asked; empty when the grant or
     * its consent was revoked meanwhile.
     */
    public Optional<IssuedTokens> issue(Grant grant, boolean withRefreshToken) {
        return issue(grant, withRefreshToken ? grant : null);
    }

    /**
     * The tokens are stored first and the revocations checked after, while a revocation is recorded first and
     * the tokens removed after: whichever runs second sees the other, so no token survives its revocation.
     */
    private Optional<IssuedTokens> issue(Grant accessGrant, Grant refreshGrant) {
        Instant now = sweepIfDue();
        String accessToken = generator.next();
        Instant accessExpires = accessGrant.cap(now.plus(ACCESS_TOKEN_LIFETIME));
        accessTokens.put(accessToken, new AccessToken(accessGrant, now, accessExpires));
        String refreshToken = null;
        if (refreshGrant != null) {
            refreshToken = generator.next();
            refreshTokens.put(refreshToken,
                    new RefreshToken(refreshGrant, now, refreshGrant.cap(now.plus(REFRESH_TOKEN_LIFETIME)), false));
        }
        if (isRevoked(accessGrant)) {
            accessTokens.update(accessToken, (key, entry) -> null);
            if (refreshToken != null) {
                refreshTokens.update(refreshToken, (key, entry) -> null);
            }
            return Optional.empty();
        }
        return Optional.of(new IssuedTokens(accessToken, refreshToken, accessGrant.scope(),
                Duration.between(now, accessExpires).toSeconds(), accessGrant.consentId()));
    }

    private boolean isRevoked(Grant grant) {
        return revoked.containsKey("grant:" + grant.grantId())
                || grant.consentId() != null && revoked.containsKey("consent:" + grant.consentId());
    }

    /**
     * Rotates a refresh token: ends it and issues a new access and refresh token under the same grant. The
     * access token is narrowed to {@code scope} when one is given; the new refresh token keeps the scope of the
     * one it replaces (RFC 6749 §6). An ended refresh token presented again means it was stolen or replayed:
     * the whole grant is revoked.
     *
     * @param scope the scope asked for, already normalized, or null for the grant's own
     * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 §4.14.2</a>
     */
    public Refreshing refresh(String refreshToken, String clientId, String scope) {
        Instant now = clock.instant();
        AtomicReference<Refreshing> outcome = new AtomicReference<>(
                new Refreshing.Refused("invalid_grant", "The refresh token is unknown, expired or revoked."));
        AtomicReference<Grant> rotated = new AtomicReference<>();
        AtomicReference<Grant> narrowed = new AtomicReference<>();
        AtomicReference<String> reusedGrant = new AtomicReference<>();
        refreshTokens.update(refreshToken, (key, entry) -> {
            if (entry.isExpiredAt(now)) {
                return null;
            }
            if (!entry.grant().clientId().equals(clientId)) {
                outcome.set(new Refreshing.Refused("invalid_grant", "The refresh token was issued to another client."));
                return entry;
            }
            if (entry.ended()) {
                outcome.set(new Refreshing.Refused("invalid_grant",
                        "The refresh token has already been used; its grant is revoked."));
                reusedGrant.set(entry.grant().grantId());
                return entry;
            }
            if (scope != null && !Scopes.within(scope, entry.grant().scope())) {
                outcome.set(new Refreshing.Refused("invalid_scope", "A refresh cannot widen the grant's scope."));
                return entry;
            }
            rotated.set(entry.grant());
            narrowed.set(scope == null ? entry.grant() : entry.grant().withScope(scope));
            return entry.end(now);
        });
        if (reusedGrant.get() != null) {
            revokeGrant(reusedGrant.get());
        }
        if (rotated.get() != null) {
            return issue(narrowed.get(), rotated.get()).<Refreshing>map(Refreshing.Refreshed::new).orElseGet(
                    () -> new Refreshing.Refused("invalid_grant", "The grant has been revoked."));
        }
        return outcome.get();
    }

    /** The token's meaning while it is valid; empty for an unknown, expired or revoked token. */
    public Optional<AccessToken> findAccessToken(String token) {
        return accessTokens.find(token, clock.instant());
    }

    /** What a live access or refresh token stands for; empty when it is unknown, expired, ended or revoked. */
    public Optional<TokenDescription> describe(String token) {
        Instant now = clock.instant();
        Optional<AccessToken> access = accessTokens.find(token, now);
        if (access.isPresent()) {
            AccessToken a = access.get();
            return Optional.of(new TokenDescription(TokenDescription.Kind.ACCESS_TOKEN, a.grant(), a.issuedAt(),
                    a.expiresAt()));
        }
        return refreshTokens.find(token, now).filter(r -> !r.ended()).map(r ->
                new TokenDescription(TokenDescription.Kind.REFRESH_TOKEN, r.grant(), r.issuedAt(), r.expiresAt()));
    }

    /**
     * Revokes a token on its client's request (RFC 7009 §2.1): an access token alone, a refresh token with
     * its whole grant. Another client's token, or an unknown one, is left as it is.
     */
    public void revoke(String token, String clientId) {
        describe(token).filter(d -> d.grant().clientId().equals(clientId)).ifPresent(d -> {
            if (d.kind() == TokenDescription.Kind.REFRESH_TOKEN) {
                revokeGrant(d.grant().grantId());
            } else {
                accessTokens.update(token, (key, entry) -> null);
            }
        });
    }

    /** Ends every token issued under a grant. */
    public void revokeGrant(String grantId) {
        revoked.put("grant:" + grantId, clock.instant().plus(REVOCATION_MEMORY));
        accessTokens.removeIf(token -> token.grant().grantId().equals(grantId));
        refreshTokens.removeIf(token -> token.grant().grantId().equals(grantId));
    }

    /** Ends every code and token issued under a consent, whatever their grant. */
    public void revokeConsent(String consentId) {
        revoked.put("consent:" + consentId, clock.instant().plus(REVOCATION_MEMORY));
        codes.removeIf(code -> consentId.equals(code.grant().consentId()));
        accessTokens.removeIf(token -> consentId.equals(token.grant().consentId()));
        refreshTokens.removeIf(token -> consentId.equals(token.grant().consentId()));
    }

    /** How many codes and tokens are held, expired ones not yet swept included. */
    public int size() {
        return codes.size() + accessTokens.size() + refreshTokens.size();
    }

    /** Removes every expired entry now. */
    public void sweep() {
        sweep(clock.instant());
    }

    private void sweep(Instant now) {
        revoked.values().removeIf(forgetAt -> !now.isBefore(forgetAt));
        codes.sweep(now);
        accessTokens.sweep(now);
        refreshTokens.sweep(now);
    }

    /** The time now, after sweeping every store if the last sweep is a second old. */
    private Instant sweepIfDue() {
        Instant now = clock.instant();
        Instant due = nextSweep.get();
        if (!now.isBefore(due) && nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL))) {
            sweep(now);
        }
        return now;
    }
}
