package io.accountoauth.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable half of the token state, shared by every node through the database: grants, refresh tokens by
 * digest with their rotation, and revocations. A restart loses none of it.
 */
public interface GrantStore {

    /**
     * Records a new grant and, when one is given, its first refresh token, and the DPoP key its refresh tokens are
     * bound to, when one is given, together.
     */
    void start(Grant grant, Instant createdAt, NewRefreshToken first, String boundKey);

    /** The thumbprint of the DPoP key the grant's refresh tokens are bound to; empty when they are not bound. */
    Optional<String> boundKey(String grantId);

    /** The refresh token with this digest and its grant; empty when none is recorded. */
    Optional<RefreshToken> findRefreshToken(String digest);

    /**
     * Ends the refresh token and records its successor, together: of any number of concurrent rotations of one
     * token, on any nodes, exactly one returns true.
     */
    boolean rotate(String digest, NewRefreshToken next, Instant now);

    /** Marks the grant revoked and forgets its refresh tokens. */
    void revokeGrant(String grantId, Instant now);

    /**
     * Marks every grant under the consent revoked and forgets their refresh tokens.
     *
     * @return the ids of those grants
     */
    List<String> revokeConsent(String consentId, Instant now);

    /**
     * Deletes refresh tokens that have expired, that ended before {@code endedBefore}, and grants created before
     * {@code createdBefore} that have no refresh token left.
     *
     * @return how many rows were deleted
     */
    int forget(Instant now, Instant endedBefore, Instant createdBefore);
}
