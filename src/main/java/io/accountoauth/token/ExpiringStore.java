package io.accountoauth.token;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Entries keyed by the SHA-256 digest of the secret value that names them. An expired entry is dropped when
 * a lookup meets it, and by {@link #sweep}.
 */
final class ExpiringStore<V extends Expiring> {

    private final ConcurrentMap<String, V> entries = new ConcurrentHashMap<>();

    void put(String value, V entry) {
        entries.put(TokenDigest.of(value), entry);
    }

    /** The live entry for this value. */
    Optional<V> find(String value, Instant now) {
        String key = TokenDigest.of(value);
        V entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.isExpiredAt(now)) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /**
     * Atomically replaces the entry for this value with what {@code change} returns (null removes it).
     * {@code change} is not called when there is no entry.
     */
    void update(String value, BiFunction<String, V, V> change) {
        entries.computeIfPresent(TokenDigest.of(value), change);
    }

    void removeIf(Predicate<V> condition) {
        entries.values().removeIf(condition);
    }

    int size() {
        return entries.size();
    }

    void sweep(Instant now) {
        entries.values().removeIf(entry -> entry.isExpiredAt(now));
    }
}
