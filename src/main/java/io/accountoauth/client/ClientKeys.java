package io.accountoauth.client;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import io.accountoauth.platform.Jose;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The public keys a {@code private_key_jwt} client registers (RFC 7591 {@code jwks}): one to five signing keys,
 * each RSA of at least 2048 bits (PS256), EC on P-256 (ES256) or Ed25519 (EdDSA), public only.
 */
public final class ClientKeys {

    static final int MAX_KEYS = 5;

    private ClientKeys() {
    }

    /**
     * The keys to keep for a client registering with this method, each as JSON.
     *
     * @throws RegistrationException invalid_client_metadata when they do not suit the method
     */
    static List<String> registered(AuthMethod method, String jwks) {
        if (method != AuthMethod.PRIVATE_KEY_JWT) {
            if (jwks != null) {
                throw RegistrationException.invalidMetadata("jwks is only for token_endpoint_auth_method "
                        + "private_key_jwt.");
            }
            return List.of();
        }
        if (jwks == null) {
            throw RegistrationException.invalidMetadata("private_key_jwt needs jwks: the public keys the app signs "
                    + "its client assertions with.");
        }
        JWKSet set;
        try {
            set = JWKSet.parse(jwks);
        } catch (ParseException e) {
            throw RegistrationException.invalidMetadata("jwks is not a JSON Web Key Set: " + e.getMessage());
        }
        List<JWK> keys = set.getKeys();
        if (keys.isEmpty() || keys.size() > MAX_KEYS) {
            throw RegistrationException.invalidMetadata("jwks must hold 1 to " + MAX_KEYS + " keys.");
        }
        Set<String> ids = new HashSet<>();
        List<String> kept = new ArrayList<>();
        for (JWK key : keys) {
            if (key.isPrivate()) {
                throw RegistrationException.invalidMetadata("jwks must hold public keys only: a private key was sent.");
            }
            if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
                throw RegistrationException.invalidMetadata("jwks keys are for signatures: use must be sig.");
            }
            if (!Jose.suitable(key)) {
                throw RegistrationException.invalidMetadata("jwks keys must be RSA of at least " + Jose.MIN_RSA_BITS
                        + " bits, EC on P-256 or Ed25519.");
            }
            if (key.getKeyID() != null && !ids.add(key.getKeyID())) {
                throw RegistrationException.invalidMetadata("Two jwks keys have the kid " + key.getKeyID() + ".");
            }
            kept.add(key.toPublicJWK().toJSONString());
        }
        return kept;
    }
}
