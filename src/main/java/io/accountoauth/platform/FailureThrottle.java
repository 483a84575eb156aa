package io.accountoauth.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed attempts per key (an account, a client, a source address). After {@code freeFailures}
 * failures the key is refused for a cool-down that doubles with each further failure, up to {@code maxCooldown}.
 * A key with no failure for {@code forgetAfter} starts afresh. At most {@code maxKeys} keys are remembered.
 */
public final class FailureThrottle {

    private final int freeFailures;
    private final Duration firstCooldown;
    private final Duration maxCooldown;
    private final Duration forgetAfter;
    private final int maxKeys;
    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true);

    private record Failures(int count, Instant last) {
    }

    public FailureThrottle(int freeFailures, Duration firstCooldown, Duration maxCooldown, Duration forgetAfter,
            int maxKeys, Clock clock) {
        this.freeFailures = freeFailures;
        this.firstCooldown = firstCooldown;
        this.maxCooldown = maxCooldown;
        this.forgetAfter = forgetAfter;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** How long the key must still wait, or empty when it may try now. */
    public synchronized Optional<Duration> waitFor(String key) {
        Instant now = clock.instant();
        Failures f = current(key, now);
        if (f == null || f.count() < freeFailures) {
            return Optional.empty();
        }
        Instant until = f.last().plus(cooldown(f.count()));
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    public synchronized void failed(String key) {
        Instant now = clock.instant();
        Failures f = current(key, now);
        failures.put(key, new Failures(f == null ? 1 : f.count() + 1, now));
        Iterator<String> oldest = failures.keySet().iterator();
        while (failures.size() > maxKeys && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    public synchronized void succeeded(String key) {
        failures.remove(key);
    }

    /** The cool-down after {@code count} failures: the first at the limit, doubling after. */
    Duration cooldown(int count) {
        int doublings = Math.min(count - freeFailures, 20);
        Duration cooldown = firstCooldown.multipliedBy(1L << doublings);
        return cooldown.compareTo(maxCooldown) > 0 ? maxCooldown : cooldown;
    }

    private Failures current(String key, Instant now) {
        Failures f = failures.get(key);
        if (f != null && !now.isBefore(f.last().plus(forgetAfter).plus(cooldown(Math.max(f.count(), freeFailures))))) {
            failures.remove(key);
            return null;
        }
        return f;
    }
}
