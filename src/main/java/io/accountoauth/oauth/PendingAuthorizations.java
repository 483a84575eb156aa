package io.accountoauth.oauth;

import io.accountoauth.platform.RandomValues;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The authorization requests a browser session has under way, each under a random handle, from the
 * authorize endpoint through login to the consent decision. A request belongs to the session that started
 * it, lives ten minutes, and is used up by the decision.
 */
@SessionScoped
public class PendingAuthorizations implements Serializable {

    private static final long serialVersionUID = 1L;
    static final Duration LIFETIME = Duration.ofMinutes(10);
    /** Enough for a customer's open tabs; an older request gives way to a newer one. */
    static final int MAX_PER_SESSION = 16;

    private final Map<String, Pending> byHandle = new LinkedHashMap<>();

    @Inject
    Clock clock;


    /**
     * One request's progress: the request, whether the customer logged in for it, and the consent once asked for.
     * Who logged in is the session's customer ({@code login.CustomerSession}), not held here.
     */
    public record Pending(AuthorizationRequest request, boolean authenticated, String consentId, Instant expiresAt)
            implements Serializable {
    }

    /** Files a new request and returns its handle. */
    public synchronized String start(AuthorizationRequest request) {
        dropExpired();
        while (byHandle.size() >= MAX_PER_SESSION) {
            Iterator<String> oldest = byHandle.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        String handle = RandomValues.next();
        byHandle.put(handle, new Pending(request, false, null, clock.instant().plus(LIFETIME)));
        return handle;
    }

    /** The request under this handle while it is alive. */
    public synchronized Optional<Pending> find(String handle) {
        dropExpired();
        return handle == null ? Optional.empty() : Optional.ofNullable(byHandle.get(handle));
    }

    /** Records that the customer logged in for this request. */
    public synchronized void authenticate(String handle) {
        Pending p = byHandle.get(handle);
        if (p != null) {
            byHandle.put(handle, new Pending(p.request(), true, null, p.expiresAt()));
        }
    }

    /** Records the consent the customer is being asked for. */
    public synchronized void attachConsent(String handle, String consentId) {
        Pending p = byHandle.get(handle);
        if (p != null) {
            byHandle.put(handle, new Pending(p.request(), p.authenticated(), consentId, p.expiresAt()));
        }
    }

    /** Removes the request, returning it when it was alive and the customer had logged in for it. */
    public synchronized Optional<Pending> complete(String handle) {
        dropExpired();
        Pending pending = handle == null ? null : byHandle.remove(handle);
        return Optional.ofNullable(pending).filter(Pending::authenticated);
    }

    private void dropExpired() {
        Instant now = clock.instant();
        byHandle.values().removeIf(p -> !now.isBefore(p.expiresAt()));
    }
}
