package io.accountoauth.state;

import com.hazelcast.cache.ICache;
import com.hazelcast.config.CacheConfig;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.expiry.ModifiedExpiryPolicy;

/**
 * Shared state on Payara Micro's data grid (Hazelcast), through its JCache caches: one cache a map, each entry
 * expiring by the grid's own clock and kept with one backup copy on another member, so the loss of a node loses
 * nothing.
 */
final class GridSharedState implements SharedState {

    static final String KIND = "grid";
    /** One copy on another member: a node can be lost without losing an entry. */
    static final int BACKUPS = 1;
    /**
     * A ceiling against memory exhaustion only, far above what expiry leaves (the grid's default, 10,000, would
     * evict live tokens at a hundred flows a second).
     */
    static final int MAX_ENTRIES_PER_MEMBER = 5_000_000;

    private final CacheManager caches;
    private final HazelcastInstance grid;

    GridSharedState(CacheManager caches, HazelcastInstance grid) {
        this.caches = caches;
        this.grid = grid;
    }

    @Override
    public SharedMap map(String name, Duration timeToLive) {
        Cache<String, String> cache = caches.getCache(name, String.class, String.class);
        if (cache == null) {
            CacheConfig<String, String> configuration = new CacheConfig<String, String>()
                    .setBackupCount(BACKUPS)
                    .setEvictionConfig(new EvictionConfig()
                            .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT)
                            .setSize(MAX_ENTRIES_PER_MEMBER));
            configuration.setTypes(String.class, String.class)
                    .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(
                            new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, timeToLive.toMillis())));
            try {
                cache = caches.createCache(name, configuration);
            } catch (CacheException createdMeanwhile) {
                // Another node, or another thread, created it first
                cache = caches.getCache(name, String.class, String.class);
            }
        }
        return new GridMap(cache);
    }

    @Override
    public void clear(String name) {
        Cache<String, String> cache = caches.getCache(name, String.class, String.class);
        if (cache != null) {
            cache.clear();
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int members() {
        return grid.getCluster().getMembers().size();
    }

    /** The grid frees expired entries itself. */
    @Override
    public void expire() {
        // nothing to do
    }

    private record GridMap(Cache<String, String> cache) implements SharedMap {

        @Override
        public String get(String key) {
            return cache.get(key);
        }

        @Override
        public void put(String key, String value) {
            cache.put(key, value);
        }

        @Override
        public boolean putIfAbsent(String key, String value) {
            return cache.putIfAbsent(key, value);
        }

        @Override
        public boolean replace(String key, String expected, String value) {
            return cache.replace(key, expected, value);
        }

        @Override
        public void remove(String key) {
            cache.remove(key);
        }

        @Override
        @SuppressWarnings("unchecked")
        public int size() {
            return cache.unwrap(ICache.class).size();
        }
    }
}
