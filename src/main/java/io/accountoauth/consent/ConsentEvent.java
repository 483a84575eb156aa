package io.accountoauth.consent;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of a consent's audit trail: a status change, when it happened, and who made it. */
@Entity
@Cacheable(false)
@Table(name = "consent_event")
public class ConsentEvent {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "consent_id")
    private Consent consent;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 32)
    private ConsentStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", length = 32, nullable = false)
    private ConsentStatus to;

    @Column(name = "occurred_at", nullable = false)
    private Instant at;

    @Column(name = "actor", length = 128, nullable = false)
    private String actor;

    protected ConsentEvent() {
        // for JPA
    }

    ConsentEvent(Consent consent, ConsentStatus from, ConsentStatus to, Instant at, String actor) {
        this.id = UUID.randomUUID().toString();
        this.consent = consent;
        this.from = from;
        this.to = to;
        this.at = at;
        this.actor = actor;
    }

    /** The status before, or null for the consent's creation. */
    public ConsentStatus from() {
        return from;
    }

    public ConsentStatus to() {
        return to;
    }

    public Instant at() {
        return at;
    }

    /** Who made the change: {@code customer:<name>}, {@code client:<client_id>} or {@code bank}. */
    public String actor() {
        return actor;
    }
}
