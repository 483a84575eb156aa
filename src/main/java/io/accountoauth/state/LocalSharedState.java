package io.accountoauth.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shared state for a single node: maps in this JVM's memory. Entries expire against the clock; an expired entry
 * counts as absent at once and is freed by {@link #sweep()}, which the server runs off the request path.
 */
public final class LocalSharedState implements SharedState {

    public static final String KIND = "local";

    private final Clock clock;
    private final Map<String, LocalMap> maps = new ConcurrentHashMap<>();

    public LocalSharedState(Clock clock) {
        this.clock = clock;
    }

    @Override
    public SharedMap map(String name, Duration timeToLive) {
        LocalMap map = maps.get(name);
        if (map == null) {
            LocalMap created = new LocalMap(clock, timeToLive);
            map = maps.putIfAbsent(name, created);
            if (map == null) {
                map = created;
            }
        }
        return map;
    }

    @Override
    public void clear(String name) {
        LocalMap map = maps.get(name);
        if (map != null) {
            map.entries.clear();
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int members() {
        return 1;
    }

    @Override
    public void expire() {
        Instant now = clock.instant();
        maps.values().forEach(map -> map.sweep(now));
    }

    private static final class LocalMap implements SharedMap {

        private record Entry(String value, Instant expiresAt) {
        }

        private final Clock clock;
        private final Duration timeToLive;
        private final Map<String, Entry> entries = new ConcurrentHashMap<>();

        LocalMap(Clock clock, Duration timeToLive) {
            this.clock = clock;
            this.timeToLive = timeToLive;
        }

        @Override
        public String get(String key) {
            Entry entry = live(key, clock.instant());
            return entry == null ? null : entry.value();
        }

        @Override
        public void put(String key, String value) {
            entries.put(key, fresh(value));
        }

        @Override
        public boolean putIfAbsent(String key, String value) {
            Entry next = fresh(value);
            while (true) {
                Entry existing = entries.putIfAbsent(key, next);
                if (existing == null) {
                    return true;
                }
                if (clock.instant().isBefore(existing.expiresAt())) {
                    return false;
                }
                if (entries.replace(key, existing, next)) {
                    return true;
                }
            }
        }

        @Override
        public boolean replace(String key, String expected, String value) {
            Entry existing = live(key, clock.instant());
            return existing != null && existing.value().equals(expected) && entries.replace(key, existing, fresh(value));
        }

        @Override
        public void remove(String key) {
            entries.remove(key);
        }

        @Override
        public int size() {
            return entries.size();
        }

        void sweep(Instant now) {
            entries.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
        }

        private Entry fresh(String value) {
            return new Entry(value, clock.instant().plus(timeToLive));
        }

        /** The entry while it lives; an expired one is dropped. */
        private Entry live(String key, Instant now) {
            Entry entry = entries.get(key);
            if (entry != null && !now.isBefore(entry.expiresAt())) {
                entries.remove(key, entry);
                return null;
            }
            return entry;
        }
    }
}
