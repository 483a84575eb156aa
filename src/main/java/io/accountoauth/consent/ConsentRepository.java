package io.accountoauth.consent;

import io.accountoauth.platform.Identifiers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Consents and their history, in the database. Callers bring the transaction, except to {@link #touch}. */
@ApplicationScoped
public class ConsentRepository {

    @PersistenceContext
    private EntityManager em;

    public Optional<Consent> find(String id) {
        if (!Identifiers.plausible(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Consent.class, id));
    }

    public void add(Consent consent) {
        em.persist(consent);
    }

    /** The customer's consents, newest first. */
    public List<Consent> ofCustomer(String customer) {
        return em.createQuery("SELECT c FROM Consent c WHERE c.customer = :customer ORDER BY c.createdAt DESC",
                        Consent.class)
                .setParameter("customer", customer)
                .getResultList();
    }

    /**
     * A page of the customer's authorised consents for one client, newest first: at most {@code count}, those
     * after {@code after} in that order (null: from the newest). A customer who consents again and again has many;
     * the newest usually answers.
     */
    public List<Consent> authorised(String customer, String clientId, Consent after, int count) {
        String older = after == null ? ""
                : " AND (c.authorisedAt < :at OR (c.authorisedAt = :at AND c.id > :id))";
        TypedQuery<Consent> query = em.createQuery("SELECT c FROM Consent c WHERE c.customer = :customer"
                        + " AND c.clientId = :clientId AND c.status = :status" + older
                        + " ORDER BY c.authorisedAt DESC, c.id", Consent.class)
                .setParameter("customer", customer)
                .setParameter("clientId", clientId)
                .setParameter("status", ConsentStatus.AUTHORISED)
                .setMaxResults(count);
        if (after != null) {
            query.setParameter("at", after.authorisedAt()).setParameter("id", after.id());
        }
        return query.getResultList();
    }

    /** Records a use, at most moving {@code last_used_at} forward, in a transaction of its own. */
    @Transactional
    public void touch(String id, Instant now) {
        em.createQuery("UPDATE Consent c SET c.lastUsedAt = :now WHERE c.id = :id"
                        + " AND (c.lastUsedAt IS NULL OR c.lastUsedAt < :now)")
                .setParameter("now", now)
                .setParameter("id", id)
                .executeUpdate();
    }
}
