package io.accountoauth.consent;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer's consent that an app may read parts of their account until a date. It changes status only
 * along {@link ConsentStatus#next()}, and every change is recorded in its history.
 */
@Entity
@Cacheable(false)
@Table(name = "consent", indexes = @Index(name = "consent_customer_client",
        columnList = "customer, client_id, status, authorised_at"))
public class Consent {

    /** Actor names in the history. */
    public static final String BANK = "bank";

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false, length = 64)
    private String customer;

    @Column(name = "client_id", nullable = false, length = 64)
    private String clientId;

    /** Requested while awaiting authorisation; granted from then on. */
    @Column(nullable = false, length = 64)
    private String scope;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ConsentStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "authorised_at")
    private Instant authorisedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 128)
    private String revokedBy;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @OneToMany(mappedBy = "consent", cascade = CascadeType.ALL, fetch = FetchType.EAGER, orphanRemoval = true)
    @OrderBy("at ASC")
    private List<ConsentEvent> history = new ArrayList<>();

    @Version
    private long version;

    protected Consent() {
        // for JPA
    }

    /** A new consent, awaiting the customer's authorisation of the requested scope. */
    public Consent(String id, String customer, String clientId, String requestedScope, Instant now) {
        this.id = id;
        this.customer = customer;
        this.clientId = clientId;
        this.scope = requestedScope;
        this.status = ConsentStatus.AWAITING_AUTHORISATION;
        this.createdAt = now;
        history.add(new ConsentEvent(this, null, status, now, actorCustomer(customer)));
    }

    /** The customer allows the app to read {@code grantedScope} for {@code lifetime}. */
    public void authorise(String grantedScope, Instant now, Duration lifetime) {
        move(ConsentStatus.AUTHORISED, now, actorCustomer(customer));
        scope = grantedScope;
        authorisedAt = now;
        expiresAt = now.plus(lifetime);
    }

    /** The customer declines. */
    public void reject(Instant now) {
        move(ConsentStatus.REJECTED, now, actorCustomer(customer));
    }

    /** The customer or the app takes the consent back. */
    public void revoke(Instant now, String actor) {
        move(ConsentStatus.REVOKED, now, actor);
        revokedAt = now;
        revokedBy = actor;
    }

    /**
     * Records the expiry of an authorised consent whose date has passed, at the moment it expired.
     *
     * @return true when the status changed
     */
    public boolean expireIfDue(Instant now) {
        if (status == ConsentStatus.AUTHORISED && !now.isBefore(expiresAt)) {
            move(ConsentStatus.EXPIRED, expiresAt, BANK);
            return true;
        }
        return false;
    }

    /** True when the consent authorises access at {@code now}. */
    public boolean isActiveAt(Instant now) {
        return status == ConsentStatus.AUTHORISED && now.isBefore(expiresAt);
    }

    private void move(ConsentStatus target, Instant at, String actor) {
        if (!status.canBecome(target)) {
            throw new IllegalConsentTransition(status, target);
        }
        history.add(new ConsentEvent(this, status, target, at, actor));
        status = target;
    }

    public static String actorCustomer(String customer) {
        return "customer:" + customer;
    }

    public static String actorClient(String clientId) {
        return "client:" + clientId;
    }

    void touch(Instant now) {
        lastUsedAt = now;
    }

    public String id() {
        return id;
    }

    public String customer() {
        return customer;
    }

    public String clientId() {
        return clientId;
    }

    public String scope() {
        return scope;
    }

    public ConsentStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant authorisedAt() {
        return authorisedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revokedBy() {
        return revokedBy;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public List<ConsentEvent> history() {
        return List.copyOf(history);
    }
}
