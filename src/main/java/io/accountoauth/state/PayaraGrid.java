package io.accountoauth.state;

import com.hazelcast.core.HazelcastInstance;
import java.util.Optional;
import javax.cache.CacheManager;

/**
 * Payara's data grid, as Payara binds it in JNDI. Only this class and {@link GridSharedState} use the grid's API,
 * and they are loaded only where the lookup found a grid, so the application deploys unchanged elsewhere.
 */
final class PayaraGrid {

    /** Where Payara binds its Hazelcast instance and its JCache manager. */
    static final String INSTANCE = "payara/Hazelcast";
    static final String CACHE_MANAGER = "payara/CacheManager";

    private PayaraGrid() {
    }

    /** The grid as shared state, when the server runs clustered. */
    static Optional<SharedState> sharedState(Object instance, Object caches) {
        HazelcastInstance grid = (HazelcastInstance) instance;
        if (!clustered(grid)) {
            return Optional.empty();
        }
        return Optional.of(new GridSharedState((CacheManager) caches, grid));
    }

    /**
     * True unless Payara started the grid with clustering off ({@code --nocluster}). Payara then leaves Hazelcast's
     * automatic member discovery on (it has no other discovery to try); every cluster mode turns it off in favour
     * of its own ({@code tcpip}, multicast, DNS, Kubernetes, domain).
     */
    private static boolean clustered(HazelcastInstance grid) {
        return !grid.getConfig().getNetworkConfig().getJoin().getAutoDetectionConfig().isEnabled();
    }
}
