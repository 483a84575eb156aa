package io.accountoauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accountoauth.state.LocalSharedState;
import io.accountoauth.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Redemptions, replays, refreshes, lookups and revocations on many threads while the clock crosses the codes' and
 * tokens' expiry and the store frees expired entries: every run finishes within a bound, every outcome is an
 * answer, and no token outlives the revocation of its grant.
 */
class TokenRegistryConcurrencyTest {

    private static final int THREADS = 8;
    private static final int FLOWS_PER_THREAD = 200;
    private static final String CLIENT = "app";
    private static final String REDIRECT_URI = "https://app.example/cb";

    private MovableClock clock;
    private LocalSharedState state;
    private TokenRegistry registry;
    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        clock = MovableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        state = new LocalSharedState(clock);
        registry = new TokenRegistry(clock, state, new InMemoryGrantStore());
        pool = Executors.newFixedThreadPool(THREADS + 1);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS), "a thread is still stuck");
    }

    @RepeatedTest(30)
    void whenEverythingRunsAtOnceWhileTheClockCrossesExpiryThenEveryRunFinishesAndRevokedTokensStayRevoked() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger working = new AtomicInteger(THREADS);
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    start.await();
                    try {
                        return flows(thread);
                    } finally {
                        working.decrementAndGet();
                    }
                }));
            }
            Future<?> time = pool.submit(() -> {
                start.await();
                while (working.get() > 0) {
                    clock.advance(Duration.ofSeconds(7));
                    state.expire();
                    Thread.sleep(1);
                }
                return null;
            });
            start.countDown();
            int violations = 0;
            for (Future<Integer> worker : workers) {
                violations += worker.get();
            }
            time.get();
            assertEquals(0, violations, "tokens still valid after their grant was revoked");
        });
    }

    /** Whole flows with a replay, a refresh and a revocation each; returns how many revoked tokens still worked. */
    private int flows(int thread) {
        int violations = 0;
        for (int i = 0; i < FLOWS_PER_THREAD; i++) {
            String consent = "consent-" + (i % 5);
            String code = registry.issueCode(new CodeRequest(CLIENT, REDIRECT_URI, "dave", "read", null, consent, null));
            Redemption redemption = registry.redeem(code, TestRules.NONE, true);
            if (!(redemption instanceof Redemption.Granted granted)) {
                continue;
            }
            IssuedTokens tokens = granted.tokens();
            registry.findAccessToken(tokens.accessToken());
            Refreshing refreshing = registry.refresh(tokens.refreshToken(), TestRules.refresh(CLIENT, null));
            switch (i % 4) {
                case 0 -> {
                    // A replay revokes the grant, unless the code has expired meanwhile
                    if (registry.redeem(code, TestRules.NONE, false) instanceof Redemption.Refused refused
                            && refused.reason() == Redemption.Reason.REPLAYED) {
                        violations += stillValid(tokens.accessToken(), refreshing);
                    }
                }
                case 1 -> {
                    // A reused refresh token revokes the grant, unless it was forgotten meanwhile
                    if (registry.refresh(tokens.refreshToken(), TestRules.refresh(CLIENT, null)) instanceof Refreshing.Refused refused
                            && refused.reason() == Refreshing.Reason.REUSED) {
                        violations += stillValid(tokens.accessToken(), refreshing);
                    }
                }
                case 2 -> {
                    registry.revoke(tokens.refreshToken(), CLIENT);
                    registry.revokeGrant(granted.code().grantId());
                    violations += stillValid(tokens.accessToken(), refreshing);
                }
                default -> {
                    if (thread == 0 && i % 40 == 3) {
                        registry.revokeConsent(consent);
                    }
                }
            }
        }
        return violations;
    }

    /** After the grant was revoked: 1 when its first access token, or the one its refresh issued, still works. */
    private int stillValid(String accessToken, Refreshing refreshing) {
        boolean first = registry.findAccessToken(accessToken).isPresent();
        boolean second = refreshing instanceof Refreshing.Refreshed r
                && registry.findAccessToken(r.tokens().accessToken()).isPresent();
        return first || second ? 1 : 0;
    }
}
