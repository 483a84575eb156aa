package io.accountoauth.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.accountoauth.platform.Jose;
import io.accountoauth.state.SharedMap;
import io.accountoauth.state.SharedState;
import io.accountoauth.token.TokenDigest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Checks {@code private_key_jwt} client assertions (RFC 7523 §2.2, §3): a JWT signed with one of the client's
 * registered keys by PS256, ES256 or EdDSA (never {@code none}, never HMAC, never another algorithm), whose
 * {@code iss} and {@code sub} are the client_id, whose {@code aud} is this server's issuer and nothing else (FAPI
 * 2.0: no audience another server could be fooled with), which expires within {@link #MAX_LIFETIME}, and whose
 * {@code jti} has not been seen from that client before. The seen {@code jti} are on the map every node shares,
 * until their assertion would have expired.
 */
@ApplicationScoped
public class ClientAssertions {

    public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** The signature algorithms taken, as the metadata lists them. */
    public static final List<String> ALGORITHMS = Jose.ALGORITHMS;
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    /** How far clocks may disagree. */
    public static final Duration SKEW = Duration.ofSeconds(10);
    /** The jti seen, by the digest of client_id and jti, on every node. */
    public static final String SEEN = "account-oauth.assertion-jti";

    @Inject
    ClientRepository clients;

    @Inject
    SharedState state;

    @Inject
    Clock clock;

    private SharedMap seen;

    @PostConstruct
    void init() {
        seen = state.map(SEEN, MAX_LIFETIME.plus(SKEW).multipliedBy(2));
    }

    /** The client an assertion claims to come from, unverified: its {@code sub}, for throttling only. */
    public static Optional<String> claimedClient(String assertion) {
        try {
            return Optional.ofNullable(SignedJWT.parse(assertion).getJWTClaimsSet().getSubject());
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The client the assertion proves.
     *
     * @param clientId the client_id the request names besides, or null
     * @param audience this server's issuer
     * @throws Jose.Refused when it proves nothing, with the reason
     */
    public Client verify(String assertion, String clientId, String audience) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Jose.Refused("The client_assertion is not a signed JWT.");
        }
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        if (!Jose.TAKEN.contains(algorithm)) {
            throw new Jose.Refused("The client_assertion must be signed with PS256, ES256 or EdDSA, not " + algorithm + ".");
        }
        String issuer = claims.getIssuer();
        if (issuer == null || !issuer.equals(claims.getSubject()) || (clientId != null && !clientId.equals(issuer))) {
            throw new Jose.Refused("The client_assertion's iss and sub must both be the client_id.");
        }
        Client client = clients.find(issuer).filter(c -> c.authMethod() == AuthMethod.PRIVATE_KEY_JWT)
                .orElseThrow(() -> new Jose.Refused("No app registered for private_key_jwt has this client_id."));
        if (!verified(jwt, client)) {
            throw new Jose.Refused("The client_assertion's signature is not made by a key this app registered.");
        }
        List<String> audiences = claims.getAudience();
        if (audiences.size() != 1 || !audiences.get(0).equals(audience)) {
            throw new Jose.Refused("The client_assertion's aud must be this server's issuer, " + audience + ", alone.");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null || !now.minus(SKEW).isBefore(exp.toInstant())) {
            throw new Jose.Refused("The client_assertion has expired, or has no exp.");
        }
        if (exp.toInstant().isAfter(now.plus(MAX_LIFETIME).plus(SKEW))) {
            throw new Jose.Refused("The client_assertion's exp is more than " + MAX_LIFETIME.toMinutes()
                    + " minutes away: an assertion is short-lived.");
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().isAfter(now.plus(SKEW))
                || claims.getIssueTime() != null && claims.getIssueTime().toInstant().isAfter(now.plus(SKEW))) {
            throw new Jose.Refused("The client_assertion is not valid yet (nbf or iat in the future).");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isEmpty()) {
            throw new Jose.Refused("The client_assertion needs a jti.");
        }
        if (!seen.putIfAbsent(TokenDigest.of(client.clientId() + " " + jti), Long.toString(exp.getTime()))) {
            throw new Jose.Refused("This client_assertion's jti was used before: each assertion is used once.");
        }
        return client;
    }

    /** Whether one of the client's keys that suits the algorithm (and the kid, when the header names one) signed it. */
    private static boolean verified(SignedJWT jwt, Client client) {
        String kid = jwt.getHeader().getKeyID();
        for (String json : client.keys()) {
            try {
                JWK key = JWK.parse(json);
                if (kid != null && !kid.equals(key.getKeyID())) {
                    continue;
                }
                Optional<JWSVerifier> verifier = Jose.verifier(jwt.getHeader().getAlgorithm(), key);
                if (verifier.isPresent() && jwt.verify(verifier.get())) {
                    return true;
                }
            } catch (ParseException | JOSEException e) {
                // Not this key
            }
        }
        return false;
    }
}
