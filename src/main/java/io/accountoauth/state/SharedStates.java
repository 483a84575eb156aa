package io.accountoauth.state;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Chooses where shared state lives, following the server with no setting of its own: Payara Micro's data grid
 * where the server runs clustered, this JVM's memory with {@code --nocluster} or on a server without a grid.
 */
@ApplicationScoped
public class SharedStates {

    private static final Logger LOG = Logger.getLogger(SharedStates.class.getName());

    @Produces
    @ApplicationScoped
    SharedState sharedState(Clock clock) {
        Optional<SharedState> grid = lookup(PayaraGrid.INSTANCE).flatMap(instance ->
                lookup(PayaraGrid.CACHE_MANAGER).flatMap(caches -> PayaraGrid.sharedState(instance, caches)));
        SharedState state = grid.orElseGet(() -> new LocalSharedState(clock));
        LOG.info(() -> grid.isPresent()
                ? "Codes, access tokens and throttles are on the data grid, " + state.members() + " member(s) now"
                : "Codes, access tokens and throttles are in this node's memory: the server has no clustered data grid");
        return state;
    }

    /** What JNDI binds at the name; empty where the server binds nothing there. */
    private static Optional<Object> lookup(String name) {
        try {
            return Optional.ofNullable(new InitialContext().lookup(name));
        } catch (NamingException none) {
            return Optional.empty();
        }
    }
}
