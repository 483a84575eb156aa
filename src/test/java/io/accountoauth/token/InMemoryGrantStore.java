package io.accountoauth.token;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The database's part of the token state for unit tests of the registry: the same answers as {@link JpaGrantStore},
 * each method atomic as its transaction is. The integration tests run the real one.
 */
public final class InMemoryGrantStore implements GrantStore {

    private record Row(NewRefreshToken token, Instant endedAt) {
    }

    private final Map<String, Grant> grants = new HashMap<>();
    private final Map<String, Instant> created = new HashMap<>();
    private final Map<String, Instant> revoked = new HashMap<>();
    private final Map<String, Row> refreshTokens = new HashMap<>();
    private final Map<String, String> boundKeys = new HashMap<>();

    @Override
    public synchronized Optional<String> boundKey(String grantId) {
        return Optional.ofNullable(boundKeys.get(grantId));
    }

    @Override
    public synchronized void start(Grant grant, Instant createdAt, NewRefreshToken first, String boundKey) {
        if (boundKey != null) {
            boundKeys.put(grant.grantId(), boundKey);
        }
        grants.put(grant.grantId(), grant);
        created.put(grant.grantId(), createdAt);
        if (first != null) {
            refreshTokens.put(first.digest(), new Row(first, null));
        }
    }

    @Override
    public synchronized Optional<RefreshToken> findRefreshToken(String digest) {
        return Optional.ofNullable(refreshTokens.get(digest)).map(row -> new RefreshToken(
                grants.get(row.token().grantId()), row.token().issuedAt(), row.token().expiresAt(), row.endedAt(),
                revoked.get(row.token().grantId())));
    }

    @Override
    public synchronized boolean rotate(String digest, NewRefreshToken next, Instant now) {
        Row row = refreshTokens.get(digest);
        if (row == null || row.endedAt() != null) {
            return false;
        }
        refreshTokens.put(digest, new Row(row.token(), now));
        refreshTokens.put(next.digest(), new Row(next, null));
        return true;
    }

    @Override
    public synchronized void revokeGrant(String grantId, Instant now) {
        if (grants.containsKey(grantId)) {
            revoked.putIfAbsent(grantId, now);
        }
        refreshTokens.values().removeIf(row -> row.token().grantId().equals(grantId));
    }

    @Override
    public synchronized List<String> revokeConsent(String consentId, Instant now) {
        List<String> ids = grants.values().stream().filter(g -> consentId.equals(g.consentId()))
                .map(Grant::grantId).toList();
        ids.forEach(id -> revokeGrant(id, now));
        return ids;
    }

    @Override
    public synchronized int forget(Instant now, Instant endedBefore, Instant createdBefore) {
        int before = refreshTokens.size() + grants.size();
        refreshTokens.values().removeIf(row -> !now.isBefore(row.token().expiresAt())
                || row.endedAt() != null && !endedBefore.isBefore(row.endedAt()));
        grants.keySet().removeIf(id -> !createdBefore.isBefore(created.get(id))
                && refreshTokens.values().stream().noneMatch(row -> row.token().grantId().equals(id)));
        created.keySet().retainAll(grants.keySet());
        revoked.keySet().retainAll(grants.keySet());
        return before - refreshTokens.size() - grants.size();
    }

    /** How many refresh tokens are recorded, ended ones included. */
    public synchronized int refreshTokens() {
        return refreshTokens.size();
    }
}
