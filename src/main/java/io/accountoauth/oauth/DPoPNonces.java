package io.accountoauth.oauth;

import io.accountoauth.platform.RandomValues;
import io.accountoauth.state.Fields;
import io.accountoauth.state.SharedMap;
import io.accountoauth.state.SharedState;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The server's DPoP nonces (RFC 9449 §8, §9), for the token endpoint and the account API: one current nonce for every
 * node, on the shared map, replaced by a new one once it is {@link #ROTATION} old; a proof may carry the current one
 * or the one before it. The nonce is 256 random bits, so a client cannot make a proof for later before it has asked.
 * A nonce stamped further ahead of this node's clock than {@link #SKEW} (the clock was set back) is not taken and is
 * replaced: it would otherwise live for as long as the clock jumped.
 */
@ApplicationScoped
public class DPoPNonces {

    public static final String HEADER = "DPoP-Nonce";
    public static final Duration ROTATION = Duration.ofSeconds(60);
    /** How far nodes' clocks may differ. */
    static final Duration SKEW = Duration.ofSeconds(10);
    /** The current nonce and the one before, on every node. */
    public static final String NONCES = "account-oauth.dpop-nonces";
    private static final String CURRENT = "current";

    @Inject
    SharedState state;

    @Inject
    Clock clock;

    private SharedMap nonces;

    @PostConstruct
    void init() {
        nonces = state.map(NONCES, ROTATION.multipliedBy(3));
    }

    /** The nonce to give clients now: the current one, or a new one when it is due. */
    public String current() {
        while (true) {
            Instant now = clock.instant();
            String packed = nonces.get(CURRENT);
            if (packed != null) {
                String[] f = Fields.unpack(packed);
                Instant issued = Instant.ofEpochMilli(Long.parseLong(f[1]));
                if (now.isBefore(issued.plus(ROTATION)) && !issued.isAfter(now.plus(SKEW))) {
                    return f[0];
                }
            }
            String next = Fields.pack(RandomValues.next(), Long.toString(now.toEpochMilli()),
                    packed == null ? null : Fields.unpack(packed)[0]);
            if (packed == null ? nonces.putIfAbsent(CURRENT, next) : nonces.replace(CURRENT, packed, next)) {
                return Fields.unpack(next)[0];
            }
        }
    }

    /** Whether a proof's nonce is the current one or the one before it, while that is recent. */
    public boolean accepts(String nonce) {
        if (nonce == null) {
            return false;
        }
        String packed = nonces.get(CURRENT);
        if (packed == null) {
            return false;
        }
        String[] f = Fields.unpack(packed);
        Instant issued = Instant.ofEpochMilli(Long.parseLong(f[1]));
        Instant now = clock.instant();
        if (issued.isAfter(now.plus(SKEW))) {
            return false;
        }
        return nonce.equals(f[0]) && now.isBefore(issued.plus(ROTATION.multipliedBy(2)))
                || nonce.equals(f[2]) && now.isBefore(issued.plus(ROTATION));
    }
}
