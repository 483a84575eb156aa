package io.accountoauth.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The DPoP key a public client's grant is bound to (RFC 9449 §5.0): its refresh tokens are used only with a proof of
 * that key. A table of its own, which a database made before it gains at the next start.
 */
@Entity
@Table(name = "oauth_grant_dpop_key")
class StoredGrantKey {

    @Id
    @Column(name = "grant_id", length = 64)
    private String grantId;

    /** The key's SHA-256 JWK thumbprint, base64url. */
    @Column(nullable = false, length = 64)
    private String jkt;

    protected StoredGrantKey() {
        // for JPA
    }

    StoredGrantKey(String grantId, String jkt) {
        this.grantId = grantId;
        this.jkt = jkt;
    }

    String jkt() {
        return jkt;
    }
}
