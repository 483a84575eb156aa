package io.accountoauth.client;

import io.accountoauth.platform.Identifiers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Registered clients, in the database. */
@ApplicationScoped
public class ClientRepository {

    @PersistenceContext
    private EntityManager em;

    public Optional<Client> find(String clientId) {
        if (!Identifiers.plausible(clientId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Client.class, clientId));
    }

    @Transactional
    public void add(Client client) {
        em.persist(client);
    }

    @Transactional
    public void addIfAbsent(Client client) {
        if (em.find(Client.class, client.clientId()) == null) {
            em.persist(client);
        }
    }
}
