package io.accountoauth.token;

import io.accountoauth.platform.RandomValues;
import io.accountoauth.state.Fields;
import io.accountoauth.state.SharedMap;
import io.accountoauth.state.SharedState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The authorization codes, access tokens and refresh tokens this server has issued, by the SHA-256 digest of
 * their values, shared by every node. Codes and access tokens live on the {@link SharedState} (the data grid
 * when clustered), freed by its own expiry; grants and refresh tokens live in the database ({@link GrantStore}),
 * so that they survive restarts. Validity is decided against the injected clock on every lookup: codes and
 * access tokens live 60 seconds, and no token outlives the consent it was issued under.
 *
 * <p>Every step is one atomic operation on one entry, and none runs inside another. A code is redeemed once by
 * replacing it with its redeemed form (a compare-and-set); revoking a grant or consent marks it revoked and then removes the access
 * tokens listed under its grants, while issuing stores a token, lists it, and then checks for those marks:
 * whichever runs second sees the other, so no token survives its revocation and no lookup scans.
 */
@ApplicationScoped
public class TokenRegistry {

    /** RFC 6749 §4.1.2 recommends at most 10 minutes; the sandbox, like the original, allows one. */
    public static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    /** The original sandbox's promise: an access token is valid for 60 seconds. */
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(60);
    /** As long as the consent lasts at most: open-banking consents run 90 days. */
    public static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(90);
    /** How long an ended refresh token is remembered, to catch its reuse. */
    public static final Duration REUSE_DETECTION = Duration.ofDays(1);
    /**
     * How long the shared state keeps codes, access tokens and their lists after their last write: a little past
     * their 60 seconds, so that the clock, not the store's expiry, decides validity (nodes' clocks may differ by a
     * few seconds), and a used code is still recognised as long as it could be replayed.
     */
    static final Duration LIVE_RETENTION = CODE_LIFETIME.plusSeconds(15);

    /** How long a revocation is remembered: longer than any code or access token issued before it can live. */
    static final Duration REVOCATION_MEMORY = Duration.ofMinutes(10);

    static final String CODES = "account-oauth.codes";
    static final String ACCESS_TOKENS = "account-oauth.access-tokens";
    static final String GRANT_TOKENS = "account-oauth.grant-access-tokens";
    static final String REVOCATIONS = "account-oauth.revocations";

    private Clock clock;
    private GrantStore grants;
    private SharedMap codes;
    private SharedMap accessTokens;
    private SharedMap grantTokens;
    private SharedMap revocations;

    protected TokenRegistry() {
        // for the CDI proxy
    }

    @Inject
    public TokenRegistry(Clock clock, SharedState state, GrantStore grants) {
        this.clock = clock;
        this.grants = grants;
        this.codes = state.map(CODES, LIVE_RETENTION);
        this.accessTokens = state.map(ACCESS_TOKENS, LIVE_RETENTION);
        this.grantTokens = state.map(GRANT_TOKENS, LIVE_RETENTION);
        this.revocations = state.map(REVOCATIONS, REVOCATION_MEMORY);
    }

    /** Issues a single-use code for what the customer approved. */
    public String issueCode(CodeRequest request) {
        Instant now = clock.instant();
        String code = RandomValues.next();
        Grant grant = new Grant(RandomValues.next(), request.clientId(), request.customer(), request.scope(),
                request.consentId(), request.consentEnds());
        codes.put(TokenDigest.of(code), new AuthorizationCode(grant, request.redirectUri(), request.codeChallenge(),
                grant.cap(now.plus(CODE_LIFETIME)), false, request.dpopJkt()).pack());
        return code;
    }

    /**
     * Exchanges a code for tokens: of any number of concurrent redemptions of one code, on any nodes, one at most
     * gets tokens. The code is claimed first, then the {@code rules} run: a code whose exchange breaks a rule is
     * used up all the same. A code presented again is a replay: the grant it started is revoked (RFC 6749 §4.1.2).
     *
     * @throws RuntimeException whatever a broken rule throws
     */
    public Redemption redeem(String code, CodeRules rules, boolean withRefreshToken) {
        return redeem(code, rules, withRefreshToken, null);
    }

    /** As {@link #redeem(String, CodeRules, boolean)}, the access token bound to the key {@code jkt} when not null. */
    public Redemption redeem(String code, CodeRules rules, boolean withRefreshToken, String jkt) {
        Instant now = clock.instant();
        String digest = TokenDigest.of(code);
        String packed = codes.get(digest);
        if (packed == null) {
            return new Redemption.Refused(Redemption.Reason.UNKNOWN);
        }
        AuthorizationCode entry = AuthorizationCode.unpack(packed);
        if (entry.isExpiredAt(now)) {
            return new Redemption.Refused(Redemption.Reason.EXPIRED);
        }
        if (entry.redeemed() || !codes.replace(digest, packed, entry.redeem().pack())) {
            revokeGrant(entry.grantId());
            return new Redemption.Refused(Redemption.Reason.REPLAYED);
        }
        rules.check(entry);
        Grant grant = entry.grant();
        IssuedTokens tokens = start(grant, withRefreshToken, jkt, rules.bindsRefreshTokens() ? jkt : null);
        Revocation revocation = revocationOf(grant);
        if (revocation != Revocation.NONE) {
            withdraw(grant, tokens);
        }
        // The grant is new, so only a concurrent replay of this code can have revoked it: the tokens were issued
        // and ended at once, as they would have been a moment later. A revoked consent issues nothing.
        return revocation == Revocation.CONSENT ? new Redemption.Refused(Redemption.Reason.CONSENT_REVOKED)
                : new Redemption.Granted(entry, tokens);
    }

    /**
     * Starts a grant: records it, with a refresh token when asked, and issues its first access token; empty when
     * the grant or its consent was revoked meanwhile.
     */
    public Optional<IssuedTokens> issue(Grant grant, boolean withRefreshToken) {
        IssuedTokens tokens = start(grant, withRefreshToken, null, null);
        if (revocationOf(grant) != Revocation.NONE) {
            withdraw(grant, tokens);
            return Optional.empty();
        }
        return Optional.of(tokens);
    }

    private IssuedTokens start(Grant grant, boolean withRefreshToken, String jkt, String refreshBoundKey) {
        Instant now = clock.instant();
        String refreshToken = withRefreshToken ? RandomValues.next() : null;
        grants.start(grant, now, refreshToken == null ? null : newRefreshToken(refreshToken, grant, now),
                refreshToken == null ? null : refreshBoundKey);
        return storeAccessToken(grant, refreshToken, now, jkt);
    }

    /**
     * Rotates a refresh token: ends it and issues a new access and refresh token under the same grant. The
     * {@code rules} decide who may present it and what the new access token carries (RFC 6749 §6); the new refresh
     * token keeps the grant's scope. An ended refresh token presented again means it was stolen or replayed: the
     * whole grant is revoked (RFC 9700 §4.14.2).
     *
     * @throws RuntimeException whatever a broken rule throws
     */
    public Refreshing refresh(String refreshToken, RefreshRules rules) {
        return refresh(refreshToken, rules, null);
    }

    /** As {@link #refresh(String, RefreshRules)}, the new access token bound to the key {@code jkt} when not null. */
    public Refreshing refresh(String refreshToken, RefreshRules rules, String jkt) {
        Instant now = clock.instant();
        String digest = TokenDigest.of(refreshToken);
        Optional<RefreshToken> found = grants.findRefreshToken(digest)
                .filter(r -> !r.isExpiredAt(now) && !r.revoked())
                .filter(r -> !r.ended() || now.isBefore(r.endedAt().plus(REUSE_DETECTION)));
        if (found.isEmpty()) {
            return new Refreshing.Refused(Refreshing.Reason.UNKNOWN);
        }
        Grant grant = found.get().grant();
        rules.presenter(grant);
        if (found.get().ended()) {
            return reused(grant);
        }
        Grant accessGrant = rules.request(grant);
        if (!rules.rotates()) {
            // The refresh token stays as it is (FAPI 2.0 §5.3.2.1: the sender constraint replaces rotation)
            IssuedTokens tokens = storeAccessToken(accessGrant, refreshToken, now, jkt);
            if (revocationOf(grant) != Revocation.NONE) {
                withdraw(grant, tokens);
                return new Refreshing.Refused(Refreshing.Reason.REVOKED);
            }
            return new Refreshing.Refreshed(tokens);
        }
        String next = RandomValues.next();
        if (!grants.rotate(digest, newRefreshToken(next, grant, now), now)) {
            return reused(grant);
        }
        IssuedTokens tokens = storeAccessToken(accessGrant, next, now, jkt);
        if (revocationOf(grant) != Revocation.NONE) {
            withdraw(grant, tokens);
            return new Refreshing.Refused(Refreshing.Reason.REVOKED);
        }
        return new Refreshing.Refreshed(tokens);
    }

    private Refreshing reused(Grant grant) {
        revokeGrant(grant.grantId());
        return new Refreshing.Refused(Refreshing.Reason.REUSED);
    }

    private NewRefreshToken newRefreshToken(String value, Grant grant, Instant now) {
        return new NewRefreshToken(TokenDigest.of(value), grant.grantId(), now,
                grant.cap(now.plus(REFRESH_TOKEN_LIFETIME)));
    }

    /**
     * Stores an access token and lists it under its grant. Callers then check {@link #revocationOf} the grant: a
     * revocation that ran meanwhile either saw the token listed or is seen by that check.
     */
    private IssuedTokens storeAccessToken(Grant grant, String refreshToken, Instant now, String jkt) {
        String accessToken = RandomValues.next();
        String digest = TokenDigest.of(accessToken);
        Instant expires = grant.cap(now.plus(ACCESS_TOKEN_LIFETIME));
        accessTokens.put(digest, new AccessToken(grant, now, expires, jkt).pack());
        listUnderGrant(grant.grantId(), digest, expires, now);
        return new IssuedTokens(accessToken, refreshToken, grant.scope(), Duration.between(now, expires).toSeconds(),
                grant.consentId(), jkt);
    }

    /** Ends tokens that were issued while their grant or consent was being revoked. */
    private void withdraw(Grant grant, IssuedTokens tokens) {
        accessTokens.remove(TokenDigest.of(tokens.accessToken()));
        grants.revokeGrant(grant.grantId(), clock.instant());
    }

    private enum Revocation {
        NONE, GRANT, CONSENT
    }

    private Revocation revocationOf(Grant grant) {
        if (grant.consentId() != null && revocations.get(consentKey(grant.consentId())) != null) {
            return Revocation.CONSENT;
        }
        return revocations.get(grantKey(grant.grantId())) != null ? Revocation.GRANT : Revocation.NONE;
    }

    /**
     * Adds the token to its grant's list of live access tokens, dropping the expired ones: a compare-and-set,
     * retried while another node or thread lists a token of the same grant (refreshes without rotation can run
     * side by side), so that no live token drops off the list a revocation withdraws.
     */
    private void listUnderGrant(String grantId, String digest, Instant expires, Instant now) {
        while (true) {
            List<String> live = new ArrayList<>();
            String listed = grantTokens.get(grantId);
            if (listed != null) {
                String[] fields = Fields.unpack(listed);
                for (int i = 0; i + 1 < fields.length; i += 2) {
                    if (now.isBefore(Instant.ofEpochMilli(Long.parseLong(fields[i + 1])))) {
                        live.add(fields[i]);
                        live.add(fields[i + 1]);
                    }
                }
            }
            live.add(digest);
            live.add(Long.toString(expires.toEpochMilli()));
            String next = Fields.pack(live.toArray(String[]::new));
            if (listed == null ? grantTokens.putIfAbsent(grantId, next) : grantTokens.replace(grantId, listed, next)) {
                return;
            }
        }
    }

    /** The thumbprint of the DPoP key the grant's refresh tokens are bound to; empty when they are not bound. */
    public Optional<String> refreshBoundKey(String grantId) {
        return grants.boundKey(grantId);
    }

    /** The token's meaning while it is valid; empty for an unknown, expired or revoked token. */
    public Optional<AccessToken> findAccessToken(String token) {
        String packed = accessTokens.get(TokenDigest.of(token));
        if (packed == null) {
            return Optional.empty();
        }
        AccessToken found = AccessToken.unpack(packed);
        return found.isExpiredAt(clock.instant()) ? Optional.empty() : Optional.of(found);
    }

    /** What a live access or refresh token stands for; empty when it is unknown, expired, ended or revoked. */
    public Optional<TokenDescription> describe(String token) {
        Optional<AccessToken> access = findAccessToken(token);
        if (access.isPresent()) {
            AccessToken a = access.get();
            return Optional.of(new TokenDescription(TokenDescription.Kind.ACCESS_TOKEN, a.grant(), a.issuedAt(),
                    a.expiresAt(), a.jkt()));
        }
        Instant now = clock.instant();
        return grants.findRefreshToken(TokenDigest.of(token))
                .filter(r -> !r.ended() && !r.revoked() && !r.isExpiredAt(now))
                .map(r -> new TokenDescription(TokenDescription.Kind.REFRESH_TOKEN, r.grant(), r.issuedAt(),
                        r.expiresAt()));
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
                accessTokens.remove(TokenDigest.of(token));
            }
        });
    }

    /** Ends every token issued under a grant: its refresh tokens in the database, its access tokens at once. */
    public void revokeGrant(String grantId) {
        Instant now = clock.instant();
        revocations.put(grantKey(grantId), "revoked");
        grants.revokeGrant(grantId, now);
        withdrawAccessTokens(grantId);
    }

    /** Ends every code and token issued under a consent, whatever their grant. */
    public void revokeConsent(String consentId) {
        Instant now = clock.instant();
        revocations.put(consentKey(consentId), "revoked");
        for (String grantId : grants.revokeConsent(consentId, now)) {
            withdrawAccessTokens(grantId);
        }
    }

    private void withdrawAccessTokens(String grantId) {
        String listed = grantTokens.get(grantId);
        if (listed == null) {
            return;
        }
        String[] fields = Fields.unpack(listed);
        for (int i = 0; i < fields.length; i += 2) {
            accessTokens.remove(fields[i]);
        }
    }

    /** How many codes and access tokens this node's view of the shared state holds, expired ones not yet freed. */
    public int size() {
        return codes.size() + accessTokens.size();
    }

    /** Deletes the refresh tokens and grants the database no longer needs. */
    public int forgetEnded() {
        Instant now = clock.instant();
        return grants.forget(now, now.minus(REUSE_DETECTION), now.minus(REUSE_DETECTION));
    }

    private static String grantKey(String grantId) {
        return "grant:" + grantId;
    }

    private static String consentKey(String consentId) {
        return "consent:" + consentId;
    }
}
