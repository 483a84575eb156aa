package io.accountoauth.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Allows at most {@code limit} attempts per key within any {@code window}, against the given clock. Keys with
 * no attempt left in the window are forgotten, and at most {@code maxKeys} keys are remembered (the longest
 * unused go first), so memory stays bounded whatever the callers send.
 */
public final class SlidingWindowLimiter {

    private final int limit;
    private final Duration window;
    private final int maxKeys;
    private final Clock clock;
    private final Map<String, Deque<Instant>> attempts = new LinkedHashMap<>(16, 0.75f, true);

    public SlidingWindowLimiter(int limit, Duration window, int maxKeys, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /**
     * Counts an attempt for {@code key} when it is allowed.
     *
     * @return empty when allowed; otherwise how long until the next attempt would be
     */
    public synchronized Optional<Duration> tryAcquire(String key) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(window);
        Deque<Instant> times = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
            times.pollFirst();
        }
        if (times.size() >= limit) {
            return Optional.of(Duration.between(windowStart, times.peekFirst()));
        }
        times.addLast(now);
        forgetBeyondCapacity();
        return Optional.empty();
    }

    private void forgetBeyondCapacity() {
        Iterator<Map.Entry<String, Deque<Instant>>> oldest = attempts.entrySet().iterator();
        while (attempts.size() > maxKeys && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
