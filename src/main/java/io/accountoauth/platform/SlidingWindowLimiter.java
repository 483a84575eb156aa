package io.accountoauth.platform;

import io.accountoauth.state.Fields;
import io.accountoauth.state.SharedMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Allows at most {@code limit} attempts per key within any {@code window}, against the given clock, counted on a
 * map every node shares. The map frees a key a window after its last attempt.
 */
public final class SlidingWindowLimiter {

    private final SharedMap attempts;
    private final int limit;
    private final Duration window;
    private final Clock clock;

    public SlidingWindowLimiter(SharedMap attempts, int limit, Duration window, Clock clock) {
        this.attempts = attempts;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Counts an attempt for {@code key} when it is allowed: a compare-and-set, retried while other nodes or
     * threads count theirs.
     *
     * @return empty when allowed; otherwise how long until the next attempt would be
     */
    public Optional<Duration> tryAcquire(String key) {
        while (true) {
            Instant now = clock.instant();
            Instant windowStart = now.minus(window);
            String packed = attempts.get(key);
            List<String> times = new ArrayList<>();
            if (packed != null) {
                for (String time : Fields.unpack(packed)) {
                    if (Instant.ofEpochMilli(Long.parseLong(time)).isAfter(windowStart)) {
                        times.add(time);
                    }
                }
            }
            if (times.size() >= limit) {
                return Optional.of(Duration.between(windowStart, Instant.ofEpochMilli(Long.parseLong(times.get(0)))));
            }
            times.add(Long.toString(now.toEpochMilli()));
            String next = Fields.pack(times.toArray(String[]::new));
            if (packed == null ? attempts.putIfAbsent(key, next) : attempts.replace(key, packed, next)) {
                return Optional.empty();
            }
        }
    }

    /**
     * Gives back the latest attempt counted for {@code key}, for an attempt that turned out not to count (a
     * registration that failed, a password that was right). A compare-and-set, retried like {@link #tryAcquire}.
     */
    public void release(String key) {
        while (true) {
            String packed = attempts.get(key);
            if (packed == null) {
                return;
            }
            String[] times = Fields.unpack(packed);
            if (times.length <= 1) {
                if (attempts.replace(key, packed, Fields.pack())) {
                    return;
                }
                continue;
            }
            String next = Fields.pack(java.util.Arrays.copyOf(times, times.length - 1));
            if (attempts.replace(key, packed, next)) {
                return;
            }
        }
    }
}
