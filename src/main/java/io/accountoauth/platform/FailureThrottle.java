package io.accountoauth.platform;

import io.accountoauth.state.Fields;
import io.accountoauth.state.SharedMap;
import io.accountoauth.state.SharedState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts failed attempts per key (an account, a client, a source address) on a map every node shares, so that
 * failures spread over the nodes count together. After {@code freeFailures} failures the key is refused for a
 * cool-down that doubles with each further failure, up to {@code maxCooldown}. A key with no failure for
 * {@code forgetAfter} after its cool-down starts afresh; the map frees it after {@link #retention}.
 */
public final class FailureThrottle {

    /** The brute-force policy: five failures free, then 30 seconds, doubling with each failure up to an hour. */
    public static final int FREE_FAILURES = 5;
    public static final Duration FIRST_COOLDOWN = Duration.ofSeconds(30);
    public static final Duration MAX_COOLDOWN = Duration.ofHours(1);
    /** Fifteen quiet minutes after the last cool-down forget the failures. */
    public static final Duration FORGET_AFTER = Duration.ofMinutes(15);

    private final SharedMap failures;
    private final int freeFailures;
    private final Duration firstCooldown;
    private final Duration maxCooldown;
    private final Duration forgetAfter;
    private final Clock clock;

    private record Failures(int count, Instant last) {

        String pack() {
            return Fields.pack(Integer.toString(count), Long.toString(last.toEpochMilli()));
        }

        static Failures unpack(String packed) {
            String[] f = Fields.unpack(packed);
            return new Failures(Integer.parseInt(f[0]), Instant.ofEpochMilli(Long.parseLong(f[1])));
        }
    }

    public FailureThrottle(SharedMap failures, int freeFailures, Duration firstCooldown, Duration maxCooldown,
            Duration forgetAfter, Clock clock) {
        this.failures = failures;
        this.freeFailures = freeFailures;
        this.firstCooldown = firstCooldown;
        this.maxCooldown = maxCooldown;
        this.forgetAfter = forgetAfter;
        this.clock = clock;
    }

    /** A throttle with the brute-force policy, counting on the shared map of this name. */
    public static FailureThrottle bruteForce(SharedState state, String name, Clock clock) {
        return bruteForce(state, name, FREE_FAILURES, clock);
    }

    /** The brute-force policy with this many free failures, counting on the shared map of this name. */
    public static FailureThrottle bruteForce(SharedState state, String name, int freeFailures, Clock clock) {
        return new FailureThrottle(state.map(name, retention(MAX_COOLDOWN, FORGET_AFTER)), freeFailures,
                FIRST_COOLDOWN, MAX_COOLDOWN, FORGET_AFTER, clock);
    }

    /** How long the map must keep a key's failures: the longest cool-down and the quiet time after it. */
    public static Duration retention(Duration maxCooldown, Duration forgetAfter) {
        return maxCooldown.plus(forgetAfter);
    }

    /** How long the key must still wait, or empty when it may try now. */
    public Optional<Duration> waitFor(String key) {
        Instant now = clock.instant();
        Failures f = current(failures.get(key), now);
        if (f == null || f.count() < freeFailures) {
            return Optional.empty();
        }
        Instant until = f.last().plus(cooldown(f.count()));
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** Counts a failure: a compare-and-set, retried while other nodes or threads count theirs. */
    public void failed(String key) {
        while (true) {
            Instant now = clock.instant();
            String packed = failures.get(key);
            Failures f = current(packed, now);
            String next = new Failures(f == null ? 1 : f.count() + 1, now).pack();
            if (packed == null ? failures.putIfAbsent(key, next) : failures.replace(key, packed, next)) {
                return;
            }
        }
    }

    public void succeeded(String key) {
        failures.remove(key);
    }

    /** The cool-down after {@code count} failures: the first at the limit, doubling after. */
    Duration cooldown(int count) {
        int doublings = Math.min(count - freeFailures, 20);
        Duration cooldown = firstCooldown.multipliedBy(1L << Math.max(doublings, 0));
        return cooldown.compareTo(maxCooldown) > 0 ? maxCooldown : cooldown;
    }

    /** The failures still counted, or null when there are none or they are forgotten. */
    private Failures current(String packed, Instant now) {
        if (packed == null) {
            return null;
        }
        Failures f = Failures.unpack(packed);
        Instant forgotten = f.last().plus(cooldown(Math.max(f.count(), freeFailures))).plus(forgetAfter);
        return now.isBefore(forgotten) ? f : null;
    }
}
