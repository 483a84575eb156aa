package io.accountoauth.platform;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The signatures the server takes, wherever a client signs (client assertions, DPoP proofs): PS256 with RSA keys of
 * at least 2048 bits, ES256 with P-256 keys, EdDSA with Ed25519 keys. Never {@code none}, never HMAC, never RS256.
 */
public final class Jose {

    /** As the metadata lists them. */
    public static final List<String> ALGORITHMS = List.of("PS256", "ES256", "EdDSA");
    public static final Set<JWSAlgorithm> TAKEN = Set.of(JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.EdDSA);
    public static final int MIN_RSA_BITS = 2048;

    private Jose() {
    }

    /** Why a signed JWT a client sent (an assertion, a proof) is refused, in words for the app's developer. */
    public static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Whether the key is one the server takes signatures from. */
    public static boolean suitable(JWK key) {
        if (key instanceof RSAKey rsa) {
            return rsa.size() >= MIN_RSA_BITS;
        }
        if (key instanceof ECKey ec) {
            return Curve.P_256.equals(ec.getCurve());
        }
        if (key instanceof OctetKeyPair okp) {
            return Curve.Ed25519.equals(okp.getCurve());
        }
        return false;
    }

    /** The verifier of this algorithm with this key, or empty when they do not go together. */
    public static Optional<JWSVerifier> verifier(JWSAlgorithm algorithm, JWK key) throws JOSEException {
        if (!suitable(key)) {
            return Optional.empty();
        }
        if (JWSAlgorithm.PS256.equals(algorithm) && key instanceof RSAKey rsa) {
            return Optional.of(new RSASSAVerifier(rsa));
        }
        if (JWSAlgorithm.ES256.equals(algorithm) && key instanceof ECKey ec) {
            return Optional.of(new ECDSAVerifier(ec));
        }
        if (JWSAlgorithm.EdDSA.equals(algorithm) && key instanceof OctetKeyPair okp) {
            return Optional.of(new Ed25519Verifier(okp));
        }
        return Optional.empty();
    }
}
