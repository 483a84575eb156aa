package io.accountoauth.benchmark;

import io.accountoauth.state.LocalSharedState;
import io.accountoauth.testsupport.MovableClock;
import io.accountoauth.token.CodeRequest;
import io.accountoauth.token.Grant;
import io.accountoauth.token.GrantStore;
import io.accountoauth.token.IssuedTokens;
import io.accountoauth.token.NewRefreshToken;
import io.accountoauth.token.Redemption;
import io.accountoauth.token.RefreshToken;
import io.accountoauth.token.TokenRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Drives the token registry of a single node (its shared state in memory) at a constant rate of whole flows
 * (issue a code, redeem it, look the access token up) on a moved clock, freeing expired entries each simulated
 * second as the server's housekeeping does, and prints the throughput, how many entries memory holds, and the
 * heap they take. Codes and access tokens live 60 seconds, so what memory holds levels off at about the rate
 * times their retention, whatever the duration. With {@code refresh}, each flow also gets a refresh token: those
 * go to the database, which this benchmark counts rather than runs, so memory levels off all the same.
 *
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.accountoauth.benchmark.RegistryBenchmark -Dexec.args="2000 300"</pre>
 * Arguments: flows per simulated second (default 2000), simulated seconds (default 300), and optionally
 * {@code refresh}.
 */
public final class RegistryBenchmark {

    private RegistryBenchmark() {
    }

    public static void main(String[] args) {
        int perSecond = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        boolean refresh = args.length > 2 && args[2].equals("refresh");
        MovableClock clock = MovableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        LocalSharedState state = new LocalSharedState(clock);
        CountedGrants database = new CountedGrants();
        TokenRegistry registry = new TokenRegistry(clock, state, database);
        Duration step = Duration.ofNanos(1_000_000_000L / perSecond);
        Instant start = Instant.now();
        int maxHeld = 0;
        System.out.printf("flows/s=%d simulated_s=%d refresh_tokens=%s%n", perSecond, seconds, refresh);
        for (int second = 1; second <= seconds; second++) {
            for (int i = 0; i < perSecond; i++) {
                String code = registry.issueCode(new CodeRequest("app", "https://app.example/cb", "dave", "read",
                        null, "consent-" + (i % 100), null));
                Redemption redemption = registry.redeem(code, issued -> { }, refresh);
                IssuedTokens tokens = ((Redemption.Granted) redemption).tokens();
                registry.findAccessToken(tokens.accessToken());
                clock.advance(step);
            }
            state.expire();
            maxHeld = Math.max(maxHeld, registry.size());
            if (second % 30 == 0 || second == seconds) {
                System.out.printf("t=%4ds held_in_memory=%8d refresh_tokens_in_database=%9d%n", second,
                        registry.size(), database.refreshTokens);
            }
        }
        double wall = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("flows=%d wall_s=%.1f flows_per_wall_s=%.0f max_held=%d held_at_end=%d "
                        + "heap_after_gc_mb=%.1f%n", (long) perSecond * seconds, wall, perSecond * seconds / wall,
                maxHeld, registry.size(), heap / 1048576.0);
    }

    /** Stands in for the database: counts the rows the registry writes there and keeps none in memory. */
    private static final class CountedGrants implements GrantStore {

        long grants;
        long refreshTokens;

        @Override
        public synchronized void start(Grant grant, Instant createdAt, NewRefreshToken first, String boundKey) {
            grants++;
            refreshTokens += first == null ? 0 : 1;
        }

        @Override
        public Optional<String> boundKey(String grantId) {
            return Optional.empty();
        }

        @Override
        public Optional<RefreshToken> findRefreshToken(String digest) {
            return Optional.empty();
        }

        @Override
        public boolean rotate(String digest, NewRefreshToken next, Instant now) {
            return false;
        }

        @Override
        public void revokeGrant(String grantId, Instant now) {
            // no flow revokes
        }

        @Override
        public List<String> revokeConsent(String consentId, Instant now) {
            return List.of();
        }

        @Override
        public int forget(Instant now, Instant endedBefore, Instant createdBefore) {
            return 0;
        }
    }
}
