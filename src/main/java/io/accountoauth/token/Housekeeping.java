package io.accountoauth.token;

import io.accountoauth.state.SharedState;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Cleans up off the request path: frees expired codes and tokens from a local store every few seconds (a grid
 * frees its own), and deletes the refresh tokens and grants the database no longer needs every few minutes.
 * Every node does it; each deletion is idempotent.
 */
@ApplicationScoped
public class Housekeeping {

    static final long EXPIRE_EVERY_SECONDS = 5;
    static final long FORGET_EVERY_SECONDS = 600;

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    SharedState state;

    @Inject
    TokenRegistry registry;

    private List<ScheduledFuture<?>> tasks = List.of();

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        tasks = List.of(
                scheduler.scheduleWithFixedDelay(() -> quietly(state::expire), EXPIRE_EVERY_SECONDS,
                        EXPIRE_EVERY_SECONDS, TimeUnit.SECONDS),
                scheduler.scheduleWithFixedDelay(() -> quietly(registry::forgetEnded), FORGET_EVERY_SECONDS,
                        FORGET_EVERY_SECONDS, TimeUnit.SECONDS));
    }

    @PreDestroy
    void stop() {
        tasks.forEach(task -> task.cancel(false));
    }

    /** A failed round is logged and the next one tries again. */
    private static void quietly(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Clean-up failed; the next round tries again: {0}", e.toString());
        }
    }
}
