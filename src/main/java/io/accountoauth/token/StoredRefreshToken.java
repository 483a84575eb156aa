package io.accountoauth.token;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A refresh token as the database keeps it: the SHA-256 digest of its value, never the value. */
@Entity
@Cacheable(false)
@Table(name = "refresh_token", indexes = @Index(name = "refresh_token_grant", columnList = "grant_id"))
class StoredRefreshToken {

    @Id
    @Column(length = 64)
    private String digest;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "grant_id", nullable = false)
    private StoredGrant grant;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    /** When a rotation used it up; null while it can be used. */
    @Column(name = "ended_at")
    private Instant endedAt;

    protected StoredRefreshToken() {
        // for JPA
    }

    StoredRefreshToken(NewRefreshToken token, StoredGrant grant) {
        this.digest = token.digest();
        this.grant = grant;
        this.issuedAt = token.issuedAt();
        this.expiresAt = token.expiresAt();
    }

    RefreshToken refreshToken() {
        return new RefreshToken(grant.grant(), issuedAt, expiresAt, endedAt, grant.revokedAt());
    }
}
