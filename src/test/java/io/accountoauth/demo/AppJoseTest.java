package io.accountoauth.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the client assertions and DPoP proofs the demo app signs against what RFC 7523 and RFC 9449 ask. */
class AppJoseTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private final SecureRandom random = new SecureRandom();
    private final ECKey key = AppJose.newKey("k1", random);

    @Test
    void whenTheAppMakesAClientAssertionThenItIsSignedByItsKeyForTheIssuerAloneAndExpiresSoon() throws Exception {
        SignedJWT assertion = SignedJWT.parse(AppJose.clientAssertion(key, "app-1", "https://bank.example", NOW,
                random));
        assertTrue(assertion.verify(new ECDSAVerifier(key.toECPublicKey())));
        assertEquals(JWSAlgorithm.ES256, assertion.getHeader().getAlgorithm());
        assertEquals("k1", assertion.getHeader().getKeyID());
        assertEquals("app-1", assertion.getJWTClaimsSet().getIssuer());
        assertEquals("app-1", assertion.getJWTClaimsSet().getSubject());
        assertEquals(List.of("https://bank.example"), assertion.getJWTClaimsSet().getAudience());
        assertEquals(NOW.plusSeconds(60), assertion.getJWTClaimsSet().getExpirationTime().toInstant());
        assertEquals(22, assertion.getJWTClaimsSet().getJWTID().length(), "128 random bits");
        SignedJWT another = SignedJWT.parse(AppJose.clientAssertion(key, "app-1", "https://bank.example", NOW, random));
        assertNotEquals(assertion.getJWTClaimsSet().getJWTID(), another.getJWTClaimsSet().getJWTID());
    }

    @Test
    void whenTheAppMakesADPoPProofThenItCarriesThePublicKeyTheRequestAndTheTokensHash() throws Exception {
        String token = "Xq3vJ2mB9kLw0pT7rYs4uN6cD1eF8gH5iA2oZ9xW3yQ";
        SignedJWT proof = SignedJWT.parse(AppJose.dpopProof(key, "GET", "https://bank.example/account/info", token,
                null, NOW, random));
        assertEquals("dpop+jwt", proof.getHeader().getType().getType());
        assertFalse(proof.getHeader().getJWK().isPrivate());
        assertEquals(AppJose.thumbprint(key), proof.getHeader().getJWK().computeThumbprint().toString());
        assertTrue(proof.verify(new ECDSAVerifier(proof.getHeader().getJWK().toECKey())));
        assertEquals("GET", proof.getJWTClaimsSet().getClaim("htm"));
        assertEquals("https://bank.example/account/info", proof.getJWTClaimsSet().getClaim("htu"));
        assertEquals(NOW, proof.getJWTClaimsSet().getIssueTime().toInstant());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(digest),
                proof.getJWTClaimsSet().getClaim("ath"));
        assertNull(proof.getJWTClaimsSet().getClaim("nonce"));

        SignedJWT withNonce = SignedJWT.parse(AppJose.dpopProof(key, "POST", "https://bank.example/account/token",
                null, "n-1", NOW, random));
        assertEquals("n-1", withNonce.getJWTClaimsSet().getClaim("nonce"));
        assertNull(withNonce.getJWTClaimsSet().getClaim("ath"));
    }
}
