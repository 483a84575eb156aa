package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An app registered for the FAPI 2.0 Security Profile (pushed requests only, DPoP-bound tokens, private_key_jwt)
 * gets its rules: PKCE is required, tokens come only with proofs, and its refresh token is not rotated, the
 * sender constraint replacing rotation.
 */
class FapiProfileIT extends DeployedWar {

    private static final String REDIRECT_URI = "https://fapi.example/cb";

    private RSAKey clientKey;
    private ECKey dpopKey;
    private String clientId;
    private String issuer;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @BeforeEach
    void register() throws Exception {
        api.resetClock();
        issuer = TokenCalls.issuer(server());
        clientKey = new RSAKeyGenerator(2048).keyID("fapi").generate();
        dpopKey = new ECKeyGenerator(Curve.P_256).generate();
        HttpResponse<String> registered = api.postJson("account/register", "{\"client_name\":\"FAPI App\","
                + "\"redirect_uris\":[\"" + REDIRECT_URI + "\"],\"token_endpoint_auth_method\":\"private_key_jwt\","
                + "\"jwks\":" + new JWKSet(clientKey.toPublicJWK()) + ",\"require_pushed_authorization_requests\":true,"
                + "\"dpop_bound_access_tokens\":true}");
        assertEquals(201, registered.statusCode(), registered.body());
        clientId = Api.json(registered).getString("client_id");
    }

    private Map<String, String> authenticated(Map<String, String> form) throws Exception {
        Instant now = Instant.now();
        SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID("fapi").build(),
                new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(issuer)
                        .expirationTime(Date.from(now.plusSeconds(60))).jwtID(UUID.randomUUID().toString()).build());
        assertion.sign(new RSASSASigner(clientKey));
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        all.put("client_assertion", assertion.serialize());
        return all;
    }

    /** The server's latest DPoP nonce, as the token endpoint's DPoP-Nonce header gave it. */
    private String nonce;

    private String proof(String method, String path) throws Exception {
        SignedJWT proof = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt"))
                .jwk(dpopKey.toPublicJWK()).build(), new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
                .claim("htm", method).claim("htu", issuer + path).claim("nonce", nonce).issueTime(new Date()).build());
        proof.sign(new ECDSASigner(dpopKey));
        return proof.serialize();
    }

    /**
     * A token request as a FAPI client makes it: with a proof carrying the server's nonce; the first one, without,
     * is answered use_dpop_nonce with the nonce to use (RFC 9449 §8), and is made again with it.
     */
    private HttpResponse<String> token(Map<String, String> form) throws Exception {
        HttpResponse<String> response = api.post("account/token", authenticated(form), "DPoP",
                proof("POST", "/account/token"));
        nonce = response.headers().firstValue("DPoP-Nonce").orElse(nonce);
        if (response.statusCode() == 400 && "use_dpop_nonce".equals(Api.json(response).getString("error"))) {
            response = api.post("account/token", authenticated(form), "DPoP", proof("POST", "/account/token"));
            nonce = response.headers().firstValue("DPoP-Nonce").orElse(nonce);
        }
        return response;
    }

    /** The FAPI way to a code: pushed with PKCE, then the customer by reference. */
    private String code(PkcePair pkce) throws Exception {
        HttpResponse<String> pushed = api.post("account/par", authenticated(Map.of("redirect_uri", REDIRECT_URI,
                "code_challenge", pkce.challenge(), "code_challenge_method", "S256", "scope", "read")));
        assertEquals(201, pushed.statusCode(), pushed.body());
        Browser.Page redirect = browser.approve(Map.of("client_id", clientId,
                "request_uri", Api.json(pushed).getString("request_uri")), "dave");
        return Queries.parse(URI.create(redirect.location()).getRawQuery()).get("code");
    }

    @Test
    void whenAFapiAppPushesWithoutPkceThenInvalidRequest() throws Exception {
        HttpResponse<String> pushed = api.post("account/par", authenticated(Map.of("redirect_uri", REDIRECT_URI)));
        assertEquals(400, pushed.statusCode(), pushed.body());
        assertEquals("invalid_request", Api.json(pushed).getString("error"));
    }

    @Test
    void whenAFapiAppRefreshesThenItsRefreshTokenStaysAndEachAccessTokenIsBound() throws Exception {
        PkcePair pkce = PkcePair.random();
        HttpResponse<String> exchanged = token(Map.of("grant_type", "authorization_code", "code", code(pkce),
                "redirect_uri", REDIRECT_URI, "code_verifier", pkce.verifier()));
        assertEquals(200, exchanged.statusCode(), exchanged.body());
        JsonObject tokens = Api.json(exchanged);
        assertEquals("DPoP", tokens.getString("token_type"));
        String refresh = tokens.getString("refresh_token");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> refreshed = token(Map.of("grant_type", "refresh_token", "refresh_token", refresh));
            assertEquals(200, refreshed.statusCode(), refreshed.body());
            assertEquals(refresh, Api.json(refreshed).getString("refresh_token"), "not rotated");
            assertEquals("DPoP", Api.json(refreshed).getString("token_type"));
        }
        HttpResponse<String> withoutProof = api.post("account/token", authenticated(Map.of("grant_type",
                "refresh_token", "refresh_token", refresh)));
        assertEquals(400, withoutProof.statusCode(), withoutProof.body());
        assertEquals("invalid_dpop_proof", Api.json(withoutProof).getString("error"));
    }

    /*
     * Without rotation, refreshes of one token run side by side: each access token is still listed under the
     * grant, so that revoking the refresh token ends every one of them.
     */
    @Test
    void whenRefreshesRunAtOnceAndTheGrantIsRevokedThenEveryAccessTokenEnds() throws Exception {
        PkcePair pkce = PkcePair.random();
        String refresh = Api.json(token(Map.of("grant_type", "authorization_code", "code", code(pkce),
                "redirect_uri", REDIRECT_URI, "code_verifier", pkce.verifier()))).getString("refresh_token");
        assertNotNull(nonce, "the token response gave the next nonce");
        List<HttpRequest> refreshes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            refreshes.add(HttpRequest.newBuilder(server().resolve("account/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("DPoP", proof("POST", "/account/token"))
                    .POST(HttpRequest.BodyPublishers.ofString(Browser.form(authenticated(Map.of(
                            "grant_type", "refresh_token", "refresh_token", refresh))))).build());
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        Set<String> accessTokens = new HashSet<>();
        try {
            for (HttpResponse<String> response : AtOnce.send(HttpClient.newHttpClient(), threads, refreshes)) {
                assertEquals(200, response.statusCode(), response.body());
                accessTokens.add(Api.json(response).getString("access_token"));
            }
        } finally {
            threads.shutdown();
        }
        assertEquals(8, accessTokens.size());
        HttpResponse<String> revoked = api.post("account/revoke", authenticated(Map.of("token", refresh)));
        assertEquals(200, revoked.statusCode(), revoked.body());
        for (String accessToken : accessTokens) {
            JsonObject introspection = Api.json(api.post("account/introspect",
                    authenticated(Map.of("token", accessToken))));
            assertFalse(introspection.getBoolean("active"), "every access token ended with its grant");
        }
    }
}
