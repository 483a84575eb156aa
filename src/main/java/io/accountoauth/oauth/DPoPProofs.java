package io.accountoauth.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
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
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks DPoP proofs (RFC 9449 §4.3): a JWT of type {@code dpop+jwt}, signed by PS256, ES256 or EdDSA with the
 * public key in its own header, for this request's method ({@code htm}) and URI ({@code htu}, without query and
 * fragment), made within FAPI 2.0's window (at most 10 s ahead of the server's clock, 60 s behind), with a
 * {@code jti} not seen before in that window, and, where an access token is presented, its hash ({@code ath}). The
 * proof's key is named by its SHA-256 JWK thumbprint ({@code jkt}, RFC 7638). The seen {@code jti} are on the map
 * every node shares.
 */
@ApplicationScoped
public class DPoPProofs {

    public static final String HEADER = "DPoP";
    public static final Duration AHEAD = Duration.ofSeconds(10);
    public static final Duration BEHIND = Duration.ofSeconds(60);
    /** The proofs' jti seen, by digest of the key's thumbprint and the jti, on every node. */
    public static final String SEEN = "account-oauth.dpop-jti";
    private static final JOSEObjectType TYPE = new JOSEObjectType("dpop+jwt");

    /** A proof that holds: the thumbprint of its key, and the server nonce it carries, if any. */
    public record Proof(String jkt, String nonce) {
    }

    @Inject
    SharedState state;

    @Inject
    Clock clock;

    private SharedMap seen;

    @PostConstruct
    void init() {
        seen = state.map(SEEN, AHEAD.plus(BEHIND).multipliedBy(2));
    }

    /** The one proof among a request's DPoP header values, or empty when it has none. */
    public static Optional<String> proof(List<String> headerValues) {
        if (headerValues == null || headerValues.isEmpty()) {
            return Optional.empty();
        }
        if (headerValues.size() > 1 || headerValues.get(0).contains(",")) {
            throw new Jose.Refused("Send one DPoP header with one proof.");
        }
        return Optional.of(headerValues.get(0).strip());
    }

    /**
     * The thumbprint of the key that made the proof, and the nonce it carries.
     *
     * @param method      the request's method
     * @param uri         the request's URI as the client addressed it
     * @param accessToken the access token the request presents, or null
     * @throws Jose.Refused when the proof does not hold
     */
    public Proof check(String proof, String method, String uri, String accessToken) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(proof);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Jose.Refused("The DPoP proof is not a signed JWT.");
        }
        if (!TYPE.equals(jwt.getHeader().getType())) {
            throw new Jose.Refused("The DPoP proof's typ must be dpop+jwt.");
        }
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        if (!Jose.TAKEN.contains(algorithm)) {
            throw new Jose.Refused("The DPoP proof must be signed with PS256, ES256 or EdDSA, not " + algorithm + ".");
        }
        JWK key = jwt.getHeader().getJWK();
        if (key == null || key.isPrivate()) {
            throw new Jose.Refused("The DPoP proof's header must carry the public key (jwk), and no private part.");
        }
        try {
            Optional<JWSVerifier> verifier = Jose.verifier(algorithm, key);
            if (verifier.isEmpty() || !jwt.verify(verifier.get())) {
                throw new Jose.Refused("The DPoP proof is not signed by the key in its header.");
            }
        } catch (JOSEException e) {
            throw new Jose.Refused("The DPoP proof's signature cannot be checked with the key in its header.");
        }
        if (!method.equals(claims.getClaim("htm"))) {
            throw new Jose.Refused("The DPoP proof's htm must be " + method + ".");
        }
        Object htu = claims.getClaim("htu");
        if (!(htu instanceof String text) || !normalized(text).equals(normalized(uri))) {
            throw new Jose.Refused("The DPoP proof's htu must be " + normalized(uri) + ".");
        }
        Instant now = clock.instant();
        if (claims.getIssueTime() == null || claims.getIssueTime().toInstant().isAfter(now.plus(AHEAD))
                || claims.getIssueTime().toInstant().isBefore(now.minus(BEHIND))) {
            throw new Jose.Refused("The DPoP proof's iat must be within " + AHEAD.toSeconds() + " s ahead of the server's "
                    + "clock and " + BEHIND.toSeconds() + " s behind it.");
        }
        if (accessToken != null && !hash(accessToken).equals(claims.getClaim("ath"))) {
            throw new Jose.Refused("The DPoP proof's ath must be the base64url SHA-256 of the access token.");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isEmpty()) {
            throw new Jose.Refused("The DPoP proof needs a jti.");
        }
        String jkt;
        try {
            jkt = key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new Jose.Refused("The DPoP proof's key has no thumbprint.");
        }
        if (!seen.putIfAbsent(TokenDigest.of(jkt + " " + jti), Long.toString(now.toEpochMilli()))) {
            throw new Jose.Refused("This DPoP proof was used before: make a new one, with a new jti, for each request.");
        }
        Object nonce = claims.getClaim("nonce");
        return new Proof(jkt, nonce instanceof String value ? value : null);
    }

    /** {@code ath}: base64url of the SHA-256 of the token's ASCII. */
    static String hash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Scheme and host in lower case, no default port, no query or fragment (RFC 9449 §4.3, RFC 3986 §6.2.2-3). */
    static String normalized(String uri) {
        try {
            URI parsed = new URI(uri);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            String host = parsed.getHost() == null ? "" : parsed.getHost().toLowerCase(Locale.ROOT);
            int port = parsed.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            String path = parsed.getRawPath() == null || parsed.getRawPath().isEmpty() ? "/" : parsed.getRawPath();
            return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path;
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
