package io.accountoauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accountoauth.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks refresh-token rotation, reuse detection, scope narrowing, and revocation by grant in the registry. */
class RefreshRotationTest {

    private static final Grant GRANT = new Grant("grant-1", "app", "dave", "read");

    private MovableClock clock;
    private TokenRegistry registry;
    private IssuedTokens first;

    @BeforeEach
    void setUp() {
        clock = MovableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        registry = new TokenRegistry(clock, new TokenGenerator());
        first = registry.issue(GRANT, true);
    }

    private IssuedTokens refreshed(Refreshing outcome) {
        return assertInstanceOf(Refreshing.Refreshed.class, outcome).tokens();
    }

    private String refusal(Refreshing outcome) {
        return assertInstanceOf(Refreshing.Refused.class, outcome).error();
    }

    @Test
    void whenRefreshedThenNewAccessAndRefreshTokensUnderTheSameGrant() {
        IssuedTokens second = refreshed(registry.refresh(first.refreshToken(), "app", null));
        assertNotEquals(first.accessToken(), second.accessToken());
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertEquals("grant-1", registry.findAccessToken(second.accessToken()).orElseThrow().grant().grantId());
    }

    // RFC 9700 §4.14.2: a rotated refresh token is ended.
    @Test
    void whenARotatedRefreshTokenIsUsedAgainThenRefusedAndTheWholeGrantIsRevoked() {
        IssuedTokens second = refreshed(registry.refresh(first.refreshToken(), "app", null));

        assertEquals("invalid_grant", refusal(registry.refresh(first.refreshToken(), "app", null)));

        assertTrue(registry.findAccessToken(second.accessToken()).isEmpty());
        assertEquals("invalid_grant", refusal(registry.refresh(second.refreshToken(), "app", null)));
    }

    @Test
    void whenAnotherClientPresentsTheRefreshTokenThenRefusedAndTheOwnerCanStillRefresh() {
        assertEquals("invalid_grant", refusal(registry.refresh(first.refreshToken(), "other", null)));
        refreshed(registry.refresh(first.refreshToken(), "app", null));
    }

    // RFC 6749 §6: the scope may be narrowed, never widened.
    @Test
    void whenNarrowedThenTheNewTokensCarryTheNarrowerScopeAndCannotBeWidenedAgain() {
        IssuedTokens narrow = refreshed(registry.refresh(first.refreshToken(), "app", "balance"));
        assertEquals("balance", narrow.scope());
        assertEquals("invalid_scope", refusal(registry.refresh(narrow.refreshToken(), "app", "info")));
        assertEquals("invalid_scope", refusal(registry.refresh(narrow.refreshToken(), "app", "read")));
    }

    @Test
    void whenTheRefreshTokenHasExpiredThenRefused() {
        clock.advance(TokenRegistry.REFRESH_TOKEN_LIFETIME);
        assertEquals("invalid_grant", refusal(registry.refresh(first.refreshToken(), "app", null)));
    }

    // RFC 7009 §2.1: revoking a refresh token ends the access tokens of its grant too.
    @Test
    void whenTheRefreshTokenIsRevokedThenTheGrantsAccessTokenEndsToo() {
        IssuedTokens other = registry.issue(new Grant("grant-2", "app", "dave", "read"), true);
        registry.revoke(first.refreshToken(), "app");
        assertTrue(registry.findAccessToken(first.accessToken()).isEmpty());
        assertTrue(registry.describe(first.refreshToken()).isEmpty());
        assertTrue(registry.findAccessToken(other.accessToken()).isPresent());
    }

    @Test
    void whenAnotherClientRevokesThenNothingChanges() {
        registry.revoke(first.accessToken(), "other");
        registry.revoke(first.refreshToken(), "other");
        assertTrue(registry.findAccessToken(first.accessToken()).isPresent());
        assertTrue(registry.describe(first.refreshToken()).isPresent());
    }

    @Test
    void whenAnAccessTokenIsRevokedThenTheRefreshTokenLivesOn() {
        registry.revoke(first.accessToken(), "app");
        assertTrue(registry.findAccessToken(first.accessToken()).isEmpty());
        refreshed(registry.refresh(first.refreshToken(), "app", null));
    }

    @Test
    void whenDescribedThenTheKindAndTimesAreKnown() {
        TokenDescription access = registry.describe(first.accessToken()).orElseThrow();
        assertEquals(TokenDescription.Kind.ACCESS_TOKEN, access.kind());
        assertEquals(Duration.ofSeconds(60), Duration.between(access.issuedAt(), access.expiresAt()));
        assertEquals(TokenDescription.Kind.REFRESH_TOKEN, registry.describe(first.refreshToken()).orElseThrow().kind());
        clock.advance(Duration.ofSeconds(60));
        assertTrue(registry.describe(first.accessToken()).isEmpty());
    }
}
