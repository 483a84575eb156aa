package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * private_key_jwt client authentication (RFC 7523 §2.2, as RFC 7591 registers it): the app registers public keys
 * and signs a short-lived, single-use assertion for the issuer with PS256, ES256 or EdDSA; anything else is
 * invalid_client. Each refusal comes from an address of its own, so that the throttle on failures stays out of it.
 */
class PrivateKeyJwtIT extends DeployedWar {

    private static final String REDIRECT_URI = "https://app.example/cb";
    private static RSAKey rsa;
    private static ECKey ec;
    private static OctetKeyPair ed25519;
    private static RSAKey unregistered;

    private String clientId;
    private String issuer;
    private int nextAddress = 30;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @BeforeAll
    static void keys() throws JOSEException {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        ed25519 = new OctetKeyPairGenerator(Curve.Ed25519).keyID("ed-1").generate();
        unregistered = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    }

    @BeforeEach
    void register() {
        api.resetClock();
        issuer = TokenCalls.issuer(server());
        HttpResponse<String> registered = api.postJson("account/register", registration(new JWKSet(List.of(
                rsa.toPublicJWK(), ec.toPublicJWK(), ed25519.toPublicJWK())).toString(false)));
        assertEquals(201, registered.statusCode(), registered.body());
        JsonObject client = Api.json(registered);
        assertEquals("private_key_jwt", client.getString("token_endpoint_auth_method"));
        assertFalse(client.containsKey("client_secret"), "no secret for a client with keys");
        clientId = client.getString("client_id");
    }

    private static String registration(String jwks) {
        return "{\"client_name\":\"Key App\",\"redirect_uris\":[\"" + REDIRECT_URI + "\"],"
                + "\"token_endpoint_auth_method\":\"private_key_jwt\",\"jwks\":" + jwks + "}";
    }

    private JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(issuer)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60)))
                .jwtID(UUID.randomUUID().toString());
    }

    private static String signed(JWSSigner signer, JWSAlgorithm algorithm, JWK key, JWTClaimsSet claims)
            throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key == null ? null : key.getKeyID())
                .build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private String withRsa(UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
        return signed(new RSASSASigner(rsa), JWSAlgorithm.PS256, rsa, change.apply(claims()).build());
    }

    private Map<String, String> authenticated(String assertion, Map<String, String> form) {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        all.put("client_assertion", assertion);
        return all;
    }

    /** An introspection with this assertion, from an address of its own. */
    private RawHttp.Response introspectFromNewAddress(String assertion, Map<String, String> more) {
        Map<String, String> form = authenticated(assertion, Map.of("token", "x"));
        form.putAll(more);
        return new RawHttp(server(), RawHttp.loopback(nextAddress++)).send(new RawHttp.Request("POST",
                server().getPath() + "account/introspect").body("application/x-www-form-urlencoded", Browser.form(form)));
    }

    private void assertRefused(String assertion, String because) {
        assertRefused(assertion, Map.of(), because);
    }

    private void assertRefused(String assertion, Map<String, String> more, String because) {
        RawHttp.Response response = introspectFromNewAddress(assertion, more);
        assertEquals(401, response.status(), because + ": " + response);
        assertTrue(response.text().contains("\"error\":\"invalid_client\""), because + ": " + response.text());
    }

    @Test
    void whenSignedWithEachRegisteredKeyThenTheClientIsAuthenticated() throws JOSEException {
        List<String> assertions = List.of(withRsa(c -> c),
                signed(new ECDSASigner(ec), JWSAlgorithm.ES256, ec, claims().build()),
                signed(new Ed25519Signer(ed25519), JWSAlgorithm.EdDSA, ed25519, claims().build()),
                signed(new RSASSASigner(rsa), JWSAlgorithm.PS256, null, claims().build()));
        for (String assertion : assertions) {
            RawHttp.Response response = introspectFromNewAddress(assertion, Map.of());
            assertEquals(200, response.status(), response.toString());
            assertTrue(response.text().contains("\"active\":false"), response.text());
        }
    }

    // The whole flow with keys: the pushed request, the code's exchange, and the account API.
    @Test
    void whenTheAppUsesAssertionsThroughoutThenTheFlowWorks() throws Exception {
        HttpResponse<String> pushed = api.post("account/par", authenticated(withRsa(c -> c),
                Map.of("redirect_uri", REDIRECT_URI, "state", "k1")));
        assertEquals(201, pushed.statusCode(), pushed.body());
        Browser.Page redirect = browser.approve(Map.of("client_id", clientId,
                "request_uri", Api.json(pushed).getString("request_uri")), "jane");
        Map<String, String> answer = Queries.parse(URI.create(redirect.location()).getRawQuery());
        assertEquals("k1", answer.get("state"));
        HttpResponse<String> token = api.post("account/token", authenticated(
                signed(new ECDSASigner(ec), JWSAlgorithm.ES256, ec, claims().build()),
                Map.of("grant_type", "authorization_code", "code", answer.get("code"), "redirect_uri", REDIRECT_URI)));
        assertEquals(200, token.statusCode(), token.body());
        HttpResponse<String> balance = api.withBearer("account/balance", Api.json(token).getString("access_token"));
        assertEquals(200, balance.statusCode());
        assertTrue(balance.body().contains("\"account_owner\""), balance.body());
    }

    @Test
    void whenAnAssertionIsWrongInAnyWayThenInvalidClient() throws Exception {
        assertRefused(withRsa(c -> c.audience(issuer + "/account/token")), "aud: the token endpoint");
        assertRefused(withRsa(c -> c.audience(List.of(issuer, "https://other.example"))), "aud: another besides");
        assertRefused(withRsa(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(30)))), "expired");
        assertRefused(withRsa(c -> c.expirationTime(null)), "no exp");
        assertRefused(withRsa(c -> c.expirationTime(Date.from(Instant.now().plusSeconds(3600)))), "exp an hour away");
        assertRefused(withRsa(c -> c.jwtID(null)), "no jti");
        assertRefused(withRsa(c -> c.subject("someone-else")), "sub is not iss");
        assertRefused(withRsa(c -> c), Map.of("client_id", "another-client"), "client_id differs");
        assertRefused(new PlainJWT(claims().build()).serialize(), "alg none");
        byte[] secret = (clientId + clientId).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertRefused(signed(new MACSigner(secret), JWSAlgorithm.HS256, null, claims().build()), "HS256");
        assertRefused(signed(new RSASSASigner(unregistered), JWSAlgorithm.PS256, unregistered, claims().build()),
                "a key the client did not register, with a registered kid");
        assertRefused(signed(new RSASSASigner(rsa), JWSAlgorithm.RS256, rsa, claims().build()), "RS256");

        String once = withRsa(c -> c);
        assertEquals(200, introspectFromNewAddress(once, Map.of()).status());
        assertRefused(once, "the same jti again");

        RawHttp.Response wrongType = introspectFromNewAddress(withRsa(c -> c),
                Map.of("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:saml2-bearer"));
        assertEquals(401, wrongType.status(), wrongType.toString());
    }

    @Test
    void whenAnAssertionComesWithASecretThenInvalidRequest() throws JOSEException {
        HttpResponse<String> both = api.post("account/introspect", authenticated(withRsa(c -> c), Map.of("token", "x")),
                "Authorization", Api.basic(clientId, "secret"));
        assertEquals(400, both.statusCode(), both.body());
        assertEquals("invalid_request", Api.json(both).getString("error"));
    }

    @Test
    void whenKeysAreNotFitForSigningThenRegistrationRefusesThem() throws JOSEException {
        List<String> refused = new ArrayList<>();
        refused.add(registration("null").replace(",\"jwks\":null", ""));
        refused.add(registration(new JWKSet(rsa).toString(false)));
        refused.add(registration(new JWKSet(new RSAKeyGenerator(1024, true).generate().toPublicJWK()).toString()));
        refused.add(registration("{\"keys\":[]}"));
        refused.add(registration("{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0\"}]}"));
        refused.add(registration(new JWKSet(ec.toPublicJWK()).toString()).replace("\"jwks\"", "\"jwks_uri\":"
                + "\"https://app.example/jwks\",\"jwks\""));
        refused.add("{\"redirect_uris\":[\"" + REDIRECT_URI + "\"],\"jwks\":" + new JWKSet(ec.toPublicJWK()) + "}");
        for (String body : refused) {
            HttpResponse<String> response = api.postJson("account/register", body);
            assertEquals(400, response.statusCode(), body + "\n" + response.body());
            assertEquals("invalid_client_metadata", Api.json(response).getString("error"), body);
        }
    }

    @Test
    void whenTheMetadataIsReadThenItOffersPrivateKeyJwtWithItsAlgorithms() {
        JsonObject metadata = Api.json(api.get(MetadataIT.WELL_KNOWN));
        assertTrue(metadata.getJsonArray("token_endpoint_auth_methods_supported").getValuesAs(
                jakarta.json.JsonString::getString).contains("private_key_jwt"));
        assertEquals(List.of("PS256", "ES256", "EdDSA"), metadata.getJsonArray(
                "token_endpoint_auth_signing_alg_values_supported").getValuesAs(jakarta.json.JsonString::getString));
    }
}
