package io.accountoauth.token;

import io.accountoauth.platform.RandomValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accountoauth.state.LocalSharedState;
import io.accountoauth.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks that codes are single-use, bound to client and redirect URI, short-lived, random, and bounded in memory. */
class TokenRegistryTest {

    private static final String CLIENT = "7b6fc8ed5127b0b2f076d";
    private static final String OTHER_CLIENT = "other-app";
    private static final String REDIRECT_URI = "http://www3.sotong.io";
    private static final CodeRequest REQUEST = new CodeRequest(CLIENT, REDIRECT_URI, "dave", "read", null, "consent-1", null);
    /** 256 bits in base64url without padding is 43 characters. */
    private static final Pattern RANDOM_VALUE = Pattern.compile("[A-Za-z0-9_-]{43,}");

    private MovableClock clock;
    private LocalSharedState state;
    private TokenRegistry registry;
    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        clock = MovableClock.at(Instant.parse("2024-05-01T09:00:00Z"));
        state = new LocalSharedState(clock);
        registry = new TokenRegistry(clock, state, new InMemoryGrantStore());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    private static AuthorizationCode granted(Redemption redemption) {
        return assertInstanceOf(Redemption.Granted.class, redemption).code();
    }

    private static void refused(Redemption redemption) {
        assertInstanceOf(Redemption.Refused.class, redemption);
    }

    @Test
    void whenCodeRedeemedThenItCarriesWhatWasApproved() {
        String code = registry.issueCode(REQUEST);

        AuthorizationCode grant = granted(redeem(code, CLIENT, REDIRECT_URI));

        assertEquals(CLIENT, grant.clientId());
        assertEquals(REDIRECT_URI, grant.redirectUri());
        assertEquals("dave", grant.grant().customer());
        assertEquals("read", grant.scope());
    }

    // RFC 6749 §4.1.2: the client MUST NOT use the authorization code more than once.
    @Test
    void whenCodeRedeemedTwiceThenSecondIsRefused() {
        String code = registry.issueCode(REQUEST);

        granted(redeem(code, CLIENT, REDIRECT_URI));

        refused(redeem(code, CLIENT, REDIRECT_URI));
    }

    // RFC 6749 §4.1.2: on a second use the server SHOULD revoke all tokens previously issued from that code.
    @Test
    void whenCodeReplayedThenTokensIssuedFromItAreRevoked() {
        String code = registry.issueCode(REQUEST);
        String token = accessToken(redeem(code, CLIENT, REDIRECT_URI));
        String unrelated = issueToken();
        assertTrue(registry.findAccessToken(token).isPresent());

        refused(redeem(code, CLIENT, REDIRECT_URI));

        assertTrue(registry.findAccessToken(token).isEmpty());
        assertTrue(registry.findAccessToken(unrelated).isPresent(), "only the replayed grant is revoked");
    }

    // RFC 6749 §4.1.3: ensure the authorization code was issued to the authenticated client.
    @Test
    void whenCodePresentedByAnotherClientThenRefusedAndUsedUp() {
        String code = registry.issueCode(REQUEST);

        assertThrows(TestRules.BrokenRule.class, () -> redeem(code, OTHER_CLIENT, REDIRECT_URI));

        refused(redeem(code, CLIENT, REDIRECT_URI));
    }

    // RFC 6749 §4.1.3: redirect_uri, when sent, must be identical to the authorization request's.
    @Test
    void whenRedirectUriDiffersThenRefusedAndUsedUp() {
        String code = registry.issueCode(REQUEST);

        assertThrows(TestRules.BrokenRule.class, () -> redeem(code, CLIENT, REDIRECT_URI + "/"));

        refused(redeem(code, CLIENT, REDIRECT_URI));
    }

    @Test
    void whenRedirectUriNullThenAccepted() {
        String code = registry.issueCode(REQUEST);

        granted(redeem(code, CLIENT, null));
    }

    @Test
    void whenCodeUnknownThenRefused() {
        registry.issueCode(REQUEST);

        refused(redeem(RandomValues.next(), CLIENT, REDIRECT_URI));
    }

    @Test
    void whenCodeIs59SecondsOldThenRedeemed() {
        String code = registry.issueCode(REQUEST);
        clock.advance(Duration.ofSeconds(59));

        granted(redeem(code, CLIENT, REDIRECT_URI));
    }

    @Test
    void whenCodeIs61SecondsOldThenRefused() {
        String code = registry.issueCode(REQUEST);
        clock.advance(Duration.ofSeconds(61));

        refused(redeem(code, CLIENT, REDIRECT_URI));
    }

    @Test
    void whenCodeIsExactly60SecondsOldThenRefused() {
        String code = registry.issueCode(REQUEST);
        clock.advance(TokenRegistry.CODE_LIFETIME);

        refused(redeem(code, CLIENT, REDIRECT_URI));
    }

    @Test
    void whenAccessTokenIs59SecondsOldThenFound() {
        String token = issueToken();
        clock.advance(Duration.ofSeconds(59));

        assertTrue(registry.findAccessToken(token).isPresent());
    }

    @Test
    void whenAccessTokenIs61SecondsOldThenNotFound() {
        String token = issueToken();
        clock.advance(Duration.ofSeconds(61));

        assertTrue(registry.findAccessToken(token).isEmpty());
    }

    @Test
    void whenAccessTokenIsExactly60SecondsOldThenExpired() {
        String token = issueToken();
        clock.advance(Duration.ofSeconds(59).plusMillis(999));
        assertTrue(registry.findAccessToken(token).isPresent());

        clock.advance(Duration.ofMillis(1));

        assertTrue(registry.findAccessToken(token).isEmpty());
    }

    @Test
    void whenAccessTokenUnknownThenNotFound() {
        issueToken();

        assertTrue(registry.findAccessToken(RandomValues.next()).isEmpty());
    }

    // RFC 6749 §10.10: the probability of guessing a code or token must be at most 2^-128; these carry 256 bits.
    @Test
    void whenIssuedTwiceThenCodesAndTokensDifferAndCarryAtLeast256Bits() {
        String code1 = registry.issueCode(REQUEST);
        String code2 = registry.issueCode(REQUEST);
        String token1 = accessToken(redeem(code1, CLIENT, REDIRECT_URI));
        String token2 = accessToken(redeem(code2, CLIENT, REDIRECT_URI));

        assertNotEquals(code1, code2);
        assertNotEquals(token1, token2);
        for (String value : List.of(code1, code2, token1, token2)) {
            assertTrue(RANDOM_VALUE.matcher(value).matches(), () -> "not 43+ base64url characters: " + value);
        }
    }

    @Test
    void whenManyCodesIssuedThenAllDistinct() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            codes.add(registry.issueCode(REQUEST));
        }

        assertEquals(1000, codes.size());
    }

    @Test
    void whenManyIssuedAndTheClockPassesTheirRetentionThenTheStoreFreesThem() {
        for (int i = 0; i < 5_000; i++) {
            issueToken();
        }
        // 5,000 redeemed codes, kept to recognise a replay while they live, and 5,000 access tokens.
        assertEquals(10_000, registry.size());

        clock.advance(TokenRegistry.LIVE_RETENTION);
        state.expire();

        assertEquals(0, registry.size(), "expired entries still held");
    }

    @Test
    void whenSameCodeRedeemedByTwentyThreadsAtOnceThenExactlyOneGranted() throws Exception {
        int threads = 20;
        pool = Executors.newFixedThreadPool(threads);
        for (int round = 0; round < 100; round++) {
            String code = registry.issueCode(REQUEST);
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Redemption>> outcomes = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                outcomes.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return redeem(code, CLIENT, REDIRECT_URI);
                }));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            start.countDown();

            int grants = 0;
            for (Future<Redemption> outcome : outcomes) {
                if (outcome.get(10, TimeUnit.SECONDS) instanceof Redemption.Granted) {
                    grants++;
                }
            }
            assertEquals(1, grants, "round " + round);
        }
    }

    /** Redeems as the endpoint does, with the client and redirect URI rules. */
    private Redemption redeem(String code, String client, String redirectUri) {
        return registry.redeem(code, TestRules.code(client, redirectUri), false);
    }

    private static String accessToken(Redemption redemption) {
        return assertInstanceOf(Redemption.Granted.class, redemption).tokens().accessToken();
    }

    private String issueToken() {
        return accessToken(redeem(registry.issueCode(REQUEST), CLIENT, REDIRECT_URI));
    }
}
