package io.accountoauth.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The JWTs a FAPI 2.0 app signs, with its own EC P-256 keys (ES256): client assertions (RFC 7523 §2.2) and DPoP
 * proofs (RFC 9449 §4.2). Each carries a random {@code jti} of 128 bits, used once.
 */
final class AppJose {

    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** Short, as FAPI 2.0 asks: the bank takes assertions that expire within five minutes. */
    static final Duration ASSERTION_LIFETIME = Duration.ofSeconds(60);
    private static final JOSEObjectType DPOP_TYPE = new JOSEObjectType("dpop+jwt");
    private static final int JTI_BYTES = 16;

    private AppJose() {
    }

    /** A new signing key pair, named by {@code keyId}. */
    static ECKey newKey(String keyId, SecureRandom random) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyID(keyId).secureRandom(random)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Every Java platform makes P-256 keys", e);
        }
    }

    /** The key's SHA-256 JWK thumbprint (RFC 7638), as dpop_jkt and cnf.jkt name it. */
    static String thumbprint(ECKey key) {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** {@code iss} and {@code sub} the client_id, {@code aud} the bank's issuer alone, a short {@code exp}. */
    static String clientAssertion(ECKey key, String clientId, String audience, Instant now, SecureRandom random) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(clientId)
                .subject(clientId)
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .jwtID(Randoms.base64Url(random, JTI_BYTES))
                .build();
        return sign(key, new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
    }

    /**
     * A proof for one request: its method and URI, the hash of the access token it carries (or none), the bank's
     * nonce when the app has one, and the public key in the header.
     */
    static String dpopProof(ECKey key, String method, String uri, String accessToken, String nonce, Instant now,
            SecureRandom random) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .jwtID(Randoms.base64Url(random, JTI_BYTES))
                .claim("htm", method)
                .claim("htu", uri)
                .issueTime(Date.from(now));
        if (accessToken != null) {
            claims.claim("ath", Digests.sha256Base64Url(accessToken));
        }
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        return sign(key, new JWSHeader.Builder(JWSAlgorithm.ES256).type(DPOP_TYPE).jwk(key.toPublicJWK()).build(),
                claims.build());
    }

    private static String sign(ECKey key, JWSHeader header, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("An EC P-256 key signs ES256", e);
        }
        return jwt.serialize();
    }
}
