package io.accountoauth.token;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** A grant as the database keeps it, until it has no refresh token left. */
@Entity
@Cacheable(false)
@Table(name = "oauth_grant", indexes = @Index(name = "oauth_grant_consent", columnList = "consent_id"))
class StoredGrant {

    @Id
    @Column(length = 64)
    private String id;

    @Column(name = "client_id", nullable = false, length = 64)
    private String clientId;

    @Column(nullable = false, length = 64)
    private String customer;

    @Column(nullable = false, length = 64)
    private String scope;

    @Column(name = "consent_id", length = 64)
    private String consentId;

    @Column(name = "not_after")
    private Instant notAfter;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected StoredGrant() {
        // for JPA
    }

    StoredGrant(Grant grant, Instant createdAt) {
        this.id = grant.grantId();
        this.clientId = grant.clientId();
        this.customer = grant.customer();
        this.scope = grant.scope();
        this.consentId = grant.consentId();
        this.notAfter = grant.notAfter();
        this.createdAt = createdAt;
    }

    Grant grant() {
        return new Grant(id, clientId, customer, scope, consentId, notAfter);
    }

    Instant revokedAt() {
        return revokedAt;
    }
}
