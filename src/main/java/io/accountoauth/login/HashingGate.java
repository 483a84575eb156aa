package io.accountoauth.login;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds the CPU that password hashing may take. A PBKDF2 check (600,000 iterations) costs a core for a good
 * fraction of a second, known user or not, so unthrottled guesses at unknown users could take every core from the
 * API. At most {@link #permits} checks run at once (half the cores, at least one); others wait their turn in
 * order, up to {@link #MAX_WAITING} of them for at most {@link #MAX_WAIT}; beyond that a login is answered "busy"
 * at once, without a check.
 */
@ApplicationScoped
public class HashingGate {

    public static final int MAX_WAITING = 16;
    public static final Duration MAX_WAIT = Duration.ofSeconds(3);

    private final int permits;
    private final int maxWaiting;
    private final Duration maxWait;
    private final Semaphore running;

    public HashingGate() {
        this(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), MAX_WAITING, MAX_WAIT);
    }

    HashingGate(int permits, int maxWaiting, Duration maxWait) {
        this.permits = permits;
        this.maxWaiting = maxWaiting;
        this.maxWait = maxWait;
        this.running = new Semaphore(permits, true);
    }

    /** How many checks may run at once. */
    public int permits() {
        return permits;
    }

    /** How many checks wait for their turn now. */
    int waiting() {
        return running.getQueueLength();
    }

    /** The check's result, or empty when its turn did not come in time. */
    public <T> Optional<T> run(Supplier<T> check) {
        if (running.getQueueLength() >= maxWaiting) {
            return Optional.empty();
        }
        try {
            if (!running.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            return Optional.of(check.get());
        } finally {
            running.release();
        }
    }
}
