package io.accountoauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accountoauth.state.LocalSharedState;
import io.accountoauth.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks refresh-token rotation, reuse detection, scope narrowing, and revocation by grant in the registry. */
class RefreshRotationTest {

    private static final Grant GRANT = new Grant("grant-1", "app", "dave", "read", "consent-1", null);

    private MovableClock clock;
    private TokenRegistry registry;
    private IssuedTokens first;

    @BeforeEach
    void setUp() {
        clock = MovableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        registry = new TokenRegistry(clock, new LocalSharedState(clock), new InMemoryGrantStore());
        first = registry.issue(GRANT, true).orElseThrow();
    }

    private IssuedTokens refreshed(String refreshToken, String client, String scope) {
        return assertInstanceOf(Refreshing.Refreshed.class,
                registry.refresh(refreshToken, TestRules.refresh(client, scope))).tokens();
    }

    /** The error the endpoint would answer: a broken rule's, or invalid_grant for the registry's own refusal. */
    private String refusal(String refreshToken, String client, String scope) {
        try {
            assertInstanceOf(Refreshing.Refused.class, registry.refresh(refreshToken, TestRules.refresh(client, scope)));
            return "invalid_grant";
        } catch (TestRules.BrokenRule broken) {
            return broken.error;
        }
    }

    @Test
    void whenRefreshedThenNewAccessAndRefreshTokensUnderTheSameGrant() {
        IssuedTokens second = refreshed(first.refreshToken(), "app", null);
        assertNotEquals(first.accessToken(), second.accessToken());
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertEquals("grant-1", registry.findAccessToken(second.accessToken()).orElseThrow().grant().grantId());
    }

    // RFC 9700 §4.14.2: a rotated refresh token is ended.
    @Test
    void whenARotatedRefreshTokenIsUsedAgainThenRefusedAndTheWholeGrantIsRevoked() {
        IssuedTokens second = refreshed(first.refreshToken(), "app", null);

        assertEquals("invalid_grant", refusal(first.refreshToken(), "app", null));

        assertTrue(registry.findAccessToken(second.accessToken()).isEmpty());
        assertEquals("invalid_grant", refusal(second.refreshToken(), "app", null));
    }

    @Test
    void whenAnotherClientPresentsTheRefreshTokenThenRefusedAndTheOwnerCanStillRefresh() {
        assertEquals("invalid_grant", refusal(first.refreshToken(), "other", null));
        refreshed(first.refreshToken(), "app", null);
    }

    // RFC 6749 §6: the access token may be narrowed; the new refresh token keeps the scope of the old one.
    @Test
    void whenNarrowedThenTheAccessTokenIsNarrowButTheNewRefreshTokenKeepsTheGrantsScope() {
        IssuedTokens narrow = refreshed(first.refreshToken(), "app", "balance");
        assertEquals("balance", narrow.scope());
        assertEquals("balance", registry.findAccessToken(narrow.accessToken()).orElseThrow().scope());
        assertEquals("read", registry.describe(narrow.refreshToken()).orElseThrow().grant().scope());
        assertEquals("read", refreshed(narrow.refreshToken(), "app", null).scope());
    }

    // RFC 6749 §6: a refresh may not ask for more than the grant's scope.
    @Test
    void whenAskedForMoreThanTheGrantThenInvalidScope() {
        IssuedTokens info = registry.issue(new Grant("grant-3", "app", "dave", "info", "consent-3", null), true)
                .orElseThrow();
        assertEquals("invalid_scope", refusal(info.refreshToken(), "app", "balance"));
        assertEquals("invalid_scope", refusal(info.refreshToken(), "app", "read"));
    }

    // RFC 6749 §4.1.2 and §10.4: tokens issued while their grant or consent is being revoked do not survive it.
    @Test
    void whenTheGrantOrConsentWasRevokedThenNothingMoreIsIssuedUnderIt() {
        registry.revokeGrant("grant-1");
        assertTrue(registry.issue(GRANT, true).isEmpty());
        registry.revokeConsent("consent-9");
        assertTrue(registry.issue(new Grant("grant-9", "app", "dave", "read", "consent-9", null), false).isEmpty());
    }

    @Test
    void whenTheConsentEndsSoonerThanTheTokenLifetimeThenTheTokensEndWithIt() {
        Instant consentEnds = clock.instant().plusSeconds(30);
        IssuedTokens tokens = registry.issue(new Grant("grant-4", "app", "dave", "read", "consent-4", consentEnds),
                true).orElseThrow();
        assertEquals(30, tokens.expiresIn());
        clock.advance(Duration.ofSeconds(30));
        assertTrue(registry.findAccessToken(tokens.accessToken()).isEmpty());
        assertEquals("invalid_grant", refusal(tokens.refreshToken(), "app", null));
    }

    @Test
    void whenAConsentIsRevokedThenEveryTokenUnderItEnds() {
        IssuedTokens second = registry.issue(new Grant("grant-5", "app", "dave", "read", "consent-1", null), true)
                .orElseThrow();
        registry.revokeConsent("consent-1");
        assertTrue(registry.findAccessToken(first.accessToken()).isEmpty());
        assertTrue(registry.findAccessToken(second.accessToken()).isEmpty());
        assertTrue(registry.describe(second.refreshToken()).isEmpty());
    }

    @Test
    void whenTheRefreshTokenHasExpiredThenRefused() {
        clock.advance(TokenRegistry.REFRESH_TOKEN_LIFETIME);
        assertEquals("invalid_grant", refusal(first.refreshToken(), "app", null));
    }

    // RFC 7009 §2.1: revoking a refresh token ends the access tokens of its grant too.
    @Test
    void whenTheRefreshTokenIsRevokedThenTheGrantsAccessTokenEndsToo() {
        IssuedTokens other = registry.issue(new Grant("grant-2", "app", "dave", "read", "consent-2", null), true).orElseThrow();
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
        refreshed(first.refreshToken(), "app", null);
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
