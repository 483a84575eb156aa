package io.accountoauth.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Grants and refresh tokens in the database. Each method is one short transaction of a few statements that
 * touch only the rows of one grant or consent, so concurrent requests for other grants never wait on it; single
 * use is decided by the database's row lock on a conditional update.
 */
@ApplicationScoped
@Transactional
public class JpaGrantStore implements GrantStore {

    @PersistenceContext
    EntityManager em;

    @Override
    public void start(Grant grant, Instant createdAt, NewRefreshToken first, String boundKey) {
        StoredGrant stored = new StoredGrant(grant, createdAt);
        em.persist(stored);
        if (first != null) {
            em.persist(new StoredRefreshToken(first, stored));
        }
        if (boundKey != null) {
            em.persist(new StoredGrantKey(grant.grantId(), boundKey));
        }
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> boundKey(String grantId) {
        return Optional.ofNullable(em.find(StoredGrantKey.class, grantId)).map(StoredGrantKey::jkt);
    }

    @Override
    public Optional<RefreshToken> findRefreshToken(String digest) {
        return em.createQuery("SELECT r FROM StoredRefreshToken r JOIN FETCH r.grant WHERE r.digest = :digest",
                        StoredRefreshToken.class)
                .setParameter("digest", digest)
                .getResultStream()
                .findFirst()
                .map(StoredRefreshToken::refreshToken);
    }

    @Override
    public boolean rotate(String digest, NewRefreshToken next, Instant now) {
        int ended = em.createQuery("UPDATE StoredRefreshToken r SET r.endedAt = :now"
                        + " WHERE r.digest = :digest AND r.endedAt IS NULL")
                .setParameter("now", now)
                .setParameter("digest", digest)
                .executeUpdate();
        if (ended != 1) {
            return false;
        }
        em.persist(new StoredRefreshToken(next, em.getReference(StoredGrant.class, next.grantId())));
        return true;
    }

    @Override
    public void revokeGrant(String grantId, Instant now) {
        em.createQuery("UPDATE StoredGrant g SET g.revokedAt = :now WHERE g.id = :id AND g.revokedAt IS NULL")
                .setParameter("now", now)
                .setParameter("id", grantId)
                .executeUpdate();
        em.createQuery("DELETE FROM StoredRefreshToken r WHERE r.grant.id = :id")
                .setParameter("id", grantId)
                .executeUpdate();
    }

    @Override
    public List<String> revokeConsent(String consentId, Instant now) {
        List<String> grants = em.createQuery("SELECT g.id FROM StoredGrant g WHERE g.consentId = :consent",
                        String.class)
                .setParameter("consent", consentId)
                .getResultList();
        em.createQuery("UPDATE StoredGrant g SET g.revokedAt = :now"
                        + " WHERE g.consentId = :consent AND g.revokedAt IS NULL")
                .setParameter("now", now)
                .setParameter("consent", consentId)
                .executeUpdate();
        em.createQuery("DELETE FROM StoredRefreshToken r WHERE r.grant.id IN"
                        + " (SELECT g.id FROM StoredGrant g WHERE g.consentId = :consent)")
                .setParameter("consent", consentId)
                .executeUpdate();
        return grants;
    }

    @Override
    public int forget(Instant now, Instant endedBefore, Instant createdBefore) {
        int tokens = em.createQuery("DELETE FROM StoredRefreshToken r WHERE r.expiresAt <= :now"
                        + " OR r.endedAt <= :endedBefore")
                .setParameter("now", now)
                .setParameter("endedBefore", endedBefore)
                .executeUpdate();
        int grants = em.createQuery("DELETE FROM StoredGrant g WHERE g.createdAt <= :createdBefore"
                        + " AND NOT EXISTS (SELECT r FROM StoredRefreshToken r WHERE r.grant = g)")
                .setParameter("createdBefore", createdBefore)
                .executeUpdate();
        int keys = em.createQuery("DELETE FROM StoredGrantKey k WHERE NOT EXISTS"
                        + " (SELECT g FROM StoredGrant g WHERE g.id = k.grantId)")
                .executeUpdate();
        return tokens + grants + keys;
    }
}
