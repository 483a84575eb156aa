package io.accountoauth.client;

import java.time.Duration;

/** Too many wrong secrets for this client or from this address: the next attempt must wait. */
public class TooManyAttempts extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration wait;

    public TooManyAttempts(Duration wait) {
        super("Too many failed client authentications.", null, false, false);
        this.wait = wait;
    }

    public Duration waitFor() {
        return wait;
    }
}
