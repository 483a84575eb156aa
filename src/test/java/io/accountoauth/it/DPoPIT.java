package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DPoP (RFC 9449): a token request with a proof gets an access token bound to the proof's key, which the account
 * API then takes only under the DPoP scheme with a fresh proof of that key for that very request.
 */
class DPoPIT extends DeployedWar {

    private static ECKey key;
    private static ECKey otherKey;
    private String issuer;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @BeforeAll
    static void keys() throws JOSEException {
        key = new ECKeyGenerator(Curve.P_256).generate();
        otherKey = new ECKeyGenerator(Curve.P_256).generate();
    }

    @BeforeEach
    void setUp() {
        api.resetClock();
        issuer = TokenCalls.issuer(server());
    }

    /** A proof by {@code signer} for this method and URI, changed as the test says. */
    private static String proof(ECKey signer, String method, String uri, String accessToken,
            UnaryOperator<JWTClaimsSet.Builder> change, JOSEObjectType type, JWK headerKey) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
                .claim("htm", method).claim("htu", uri).issueTime(new Date());
        if (accessToken != null) {
            claims.claim("ath", Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest
                    .getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII))));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(type).jwk(headerKey).build(),
                change.apply(claims).build());
        jwt.sign(new ECDSASigner(signer));
        return jwt.serialize();
    }

    private String tokenProof(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return proof(key, "POST", issuer + "/account/token", null, change, new JOSEObjectType("dpop+jwt"),
                key.toPublicJWK());
    }

    private String balanceProof(String accessToken, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return proof(key, "GET", issuer + "/account/balance", accessToken, change, new JOSEObjectType("dpop+jwt"),
                key.toPublicJWK());
    }

    private HttpResponse<String> exchange(String code, String... headers) {
        List<String> all = new ArrayList<>(List.of("Authorization", Api.basic(SandboxApp.CLIENT_ID,
                SandboxApp.CLIENT_SECRET)));
        all.addAll(List.of(headers));
        return api.post("account/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", SandboxApp.REDIRECT_URI), all.toArray(String[]::new));
    }

    /** A DPoP-bound access token of dave's. */
    private JsonObject boundTokens() throws Exception {
        HttpResponse<String> response = exchange(browser.sandboxCode("dave"), "DPoP", tokenProof(c -> c));
        assertEquals(200, response.statusCode(), response.body());
        return Api.json(response);
    }

    private HttpResponse<String> balance(String scheme, String token, String proof) {
        return proof == null ? api.get("account/balance", "Authorization", scheme + " " + token)
                : api.get("account/balance", "Authorization", scheme + " " + token, "DPoP", proof);
    }

    private static void assertRefused(HttpResponse<String> response, String error) {
        assertEquals(401, response.statusCode(), response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("DPoP realm=\"account\", error=\"" + error + "\""), challenge);
        assertTrue(challenge.contains("algs=\"PS256 ES256 EdDSA\""), challenge);
    }

    @Test
    void whenATokenRequestCarriesAProofThenTheTokenIsBoundToItsKeyAndUsedWithProofs() throws Exception {
        JsonObject tokens = boundTokens();
        assertEquals("DPoP", tokens.getString("token_type"));
        String token = tokens.getString("access_token");

        JsonObject introspection = Api.json(api.postWithBasic("account/introspect", Map.of("token", token),
                SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET));
        assertEquals("DPoP", introspection.getString("token_type"));
        assertEquals(key.computeThumbprint().toString(), introspection.getJsonObject("cnf").getString("jkt"));

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> balance = balance("DPoP", token, balanceProof(token, c -> c));
            assertEquals(200, balance.statusCode(), balance.body());
            assertTrue(balance.body().contains("\"account_owner\""));
        }
    }

    @Test
    void whenABoundTokenIsUsedWithoutAGoodProofThenTheApiRefusesIt() throws Exception {
        String token = boundTokens().getString("access_token");
        assertRefused(balance("Bearer", token, null), "invalid_token");
        assertRefused(balance("Bearer", token, balanceProof(token, c -> c)), "invalid_token");
        assertRefused(balance("DPoP", token, null), "invalid_dpop_proof");
        String once = balanceProof(token, c -> c);
        assertEquals(200, balance("DPoP", token, once).statusCode());
        assertRefused(balance("DPoP", token, once), "invalid_dpop_proof");
        assertRefused(balance("DPoP", token, balanceProof(token, c -> c.issueTime(
                Date.from(Instant.now().minusSeconds(61))))), "invalid_dpop_proof");
        assertRefused(balance("DPoP", token, balanceProof(token, c -> c.issueTime(
                Date.from(Instant.now().plusSeconds(30))))), "invalid_dpop_proof");
        assertRefused(balance("DPoP", token, balanceProof(token, c -> c.claim("htu", issuer + "/account/info"))),
                "invalid_dpop_proof");
        assertRefused(balance("DPoP", token, balanceProof(token, c -> c.claim("htm", "POST"))), "invalid_dpop_proof");
        assertRefused(balance("DPoP", token, balanceProof(token, c -> c.claim("ath", "x"))), "invalid_dpop_proof");
        assertRefused(balance("DPoP", token, proof(otherKey, "GET", issuer + "/account/balance", token, c -> c,
                new JOSEObjectType("dpop+jwt"), otherKey.toPublicJWK())), "invalid_dpop_proof");
        assertRefused(balance("DPoP", token, proof(otherKey, "GET", issuer + "/account/balance", token, c -> c,
                new JOSEObjectType("dpop+jwt"), key.toPublicJWK())), "invalid_dpop_proof");
        // With ?query, a proof for the path alone still holds: htu leaves query and fragment out
        HttpResponse<String> withQuery = api.get("account/balance?x=1", "Authorization", "DPoP " + token, "DPoP",
                balanceProof(token, c -> c));
        assertEquals(200, withQuery.statusCode(), withQuery.body());
    }

    // RFC 9449 §9: the API gives its nonce; a proof need not carry one, but one it carries must be current
    @Test
    void whenTheApiIsCalledUnderDPoPThenItGivesItsNonceAndRefusesAStaleOne() throws Exception {
        String token = boundTokens().getString("access_token");
        HttpResponse<String> first = balance("DPoP", token, balanceProof(token, c -> c));
        assertEquals(200, first.statusCode(), first.body());
        String nonce = first.headers().firstValue("DPoP-Nonce").orElseThrow();

        HttpResponse<String> withNonce = balance("DPoP", token, balanceProof(token, c -> c.claim("nonce", nonce)));
        assertEquals(200, withNonce.statusCode(), withNonce.body());

        HttpResponse<String> stale = balance("DPoP", token, balanceProof(token, c -> c.claim("nonce", "made-up")));
        assertRefused(stale, "use_dpop_nonce");
        assertEquals(nonce, stale.headers().firstValue("DPoP-Nonce").orElse(null));


        String bearer = api.redeem(browser.sandboxCode("jane"));
        HttpResponse<String> plain = api.withBearer("account/balance", bearer);
        assertEquals(200, plain.statusCode());
        assertTrue(plain.headers().firstValue("DPoP-Nonce").isEmpty(), "no nonce for a Bearer call");
    }

    @Test
    void whenABoundTokenHasExpiredThenTheApiAnswersUnderTheDPoPScheme() throws Exception {
        String token = boundTokens().getString("access_token");
        api.advanceClock(61);
        assertRefused(balance("DPoP", token, balanceProof(token, c -> c)), "invalid_token");
        assertRefused(balance("DPoP", "unknown-" + token, null), "invalid_token");
    }

    @Test
    void whenABearerTokenComesUnderTheDPoPSchemeThenInvalidToken() throws Exception {
        String bearer = api.redeem(browser.sandboxCode("jane"));
        assertRefused(balance("DPoP", bearer, balanceProof(bearer, c -> c)), "invalid_token");
        assertEquals(200, api.withBearer("account/balance", bearer).statusCode());
    }

    @Test
    void whenATokenRequestsProofIsWrongThenInvalidDpopProof() throws Exception {
        List<String> wrong = List.of(
                tokenProof(c -> c.claim("htu", issuer + "/account/par")),
                tokenProof(c -> c.claim("htm", "GET")),
                tokenProof(c -> c.jwtID(null)),
                tokenProof(c -> c.issueTime(Date.from(Instant.now().minusSeconds(120)))),
                proof(key, "POST", issuer + "/account/token", null, c -> c, JOSEObjectType.JWT, key.toPublicJWK()),
                proof(key, "POST", issuer + "/account/token", null, c -> c, new JOSEObjectType("dpop+jwt"), null),
                "not.a.jwt");
        for (String proof : wrong) {
            HttpResponse<String> response = exchange(browser.sandboxCode("dave"), "DPoP", proof);
            assertEquals(400, response.statusCode(), response.body());
            assertEquals("invalid_dpop_proof", Api.json(response).getString("error"), response.body());
        }
    }

    @Test
    void whenAnAppRegisteredDPoPBoundTokensThenItsTokenRequestsNeedAProof() throws Exception {
        String redirect = "http://127.0.0.1/cb";
        JsonObject client = Api.json(api.postJson("account/register", "{\"redirect_uris\":[\"" + redirect
                + "\"],\"dpop_bound_access_tokens\":true}"));
        assertTrue(client.getBoolean("dpop_bound_access_tokens"));
        String id = client.getString("client_id");
        String secret = client.getString("client_secret");
        String code = browser.code(Map.of("client_id", id, "redirect_uri", redirect), "dave");
        HttpResponse<String> without = api.postWithBasic("account/token", Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", redirect), id, secret);
        assertEquals(400, without.statusCode(), without.body());
        assertEquals("invalid_dpop_proof", Api.json(without).getString("error"));

        // RFC 9449 §8: such an app's proofs carry the server's nonce; it learns it from use_dpop_nonce
        Map<String, String> form = Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirect);
        String basic = Api.basic(id, secret);
        HttpResponse<String> noNonce = api.post("account/token", form, "Authorization", basic, "DPoP",
                tokenProof(c -> c));
        assertEquals(400, noNonce.statusCode(), noNonce.body());
        assertEquals("use_dpop_nonce", Api.json(noNonce).getString("error"));
        String nonce = noNonce.headers().firstValue("DPoP-Nonce").orElseThrow();
        assertTrue(nonce.matches("[A-Za-z0-9_-]{43}"), nonce);
        HttpResponse<String> madeUp = api.post("account/token", form, "Authorization", basic, "DPoP",
                tokenProof(c -> c.claim("nonce", "made-up")));
        assertEquals("use_dpop_nonce", Api.json(madeUp).getString("error"));
        HttpResponse<String> withNonce = api.post("account/token", form, "Authorization", basic, "DPoP",
                tokenProof(c -> c.claim("nonce", nonce)));
        assertEquals(200, withNonce.statusCode(), withNonce.body());
        assertEquals("DPoP", Api.json(withNonce).getString("token_type"));
        assertTrue(withNonce.headers().firstValue("DPoP-Nonce").isPresent(), "the next nonce comes with the tokens");

        // A nonce lives two rotations at most
        api.advanceClock(121);
        HttpResponse<String> stale = api.post("account/token", Map.of("grant_type", "refresh_token", "refresh_token",
                Api.json(withNonce).getString("refresh_token")), "Authorization", basic, "DPoP",
                tokenProof(c -> c.claim("nonce", nonce).issueTime(Date.from(Instant.now().plusSeconds(121)))));
        assertEquals("use_dpop_nonce", Api.json(stale).getString("error"), stale.body());
    }

    // A refresh with a proof binds the new access token to the proof's key.
    @Test
    void whenARefreshCarriesAProofThenTheNewAccessTokenIsBound() throws Exception {
        String refresh = boundTokens().getString("refresh_token");
        HttpResponse<String> refreshed = api.post("account/token", Map.of("grant_type", "refresh_token",
                "refresh_token", refresh), "Authorization", Api.basic(SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET),
                "DPoP", tokenProof(c -> c));
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertEquals("DPoP", Api.json(refreshed).getString("token_type"));
        String token = Api.json(refreshed).getString("access_token");
        assertEquals(200, balance("DPoP", token, balanceProof(token, c -> c)).statusCode());
    }

    // One proof, ten requests at once: exactly one is served.
    @Test
    void whenOneProofIsSentManyTimesAtOnceThenExactlyOneIsServed() throws Exception {
        String token = boundTokens().getString("access_token");
        String proof = balanceProof(token, c -> c);
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(HttpRequest.newBuilder(server().resolve("account/balance"))
                    .header("Authorization", "DPoP " + token).header("DPoP", proof).GET().build());
        }
        ExecutorService threads = Executors.newFixedThreadPool(10);
        try {
            List<Integer> statuses = AtOnce.send(HttpClient.newHttpClient(), threads, requests).stream()
                    .map(HttpResponse::statusCode).toList();
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        } finally {
            threads.shutdown();
        }
    }

    // RFC 9449 §10: dpop_jkt binds the code to a key; only a proof of that key exchanges it.
    @Test
    void whenTheAuthorizationRequestNamesADPoPKeyThenOnlyThatKeyExchangesTheCode() throws Exception {
        String jkt = key.computeThumbprint().toString();
        Map<String, String> query = Map.of("client_id", SandboxApp.CLIENT_ID, "redirect_uri", SandboxApp.REDIRECT_URI,
                "dpop_jkt", jkt);
        HttpResponse<String> otherKeysProof = exchange(browser.code(query, "dave"), "DPoP", proof(otherKey, "POST",
                issuer + "/account/token", null, c -> c, new JOSEObjectType("dpop+jwt"), otherKey.toPublicJWK()));
        assertEquals(400, otherKeysProof.statusCode(), otherKeysProof.body());
        assertEquals("invalid_grant", Api.json(otherKeysProof).getString("error"));
        HttpResponse<String> noProof = exchange(browser.code(query, "dave"));
        assertEquals("invalid_grant", Api.json(noProof).getString("error"));
        HttpResponse<String> right = exchange(browser.code(query, "dave"), "DPoP", tokenProof(c -> c));
        assertEquals(200, right.statusCode(), right.body());
        assertEquals("DPoP", Api.json(right).getString("token_type"));

        HttpResponse<String> malformed = api.get("account/authorize?" + Browser.form(Map.of("client_id",
                SandboxApp.CLIENT_ID, "redirect_uri", SandboxApp.REDIRECT_URI, "dpop_jkt", "short")));
        assertTrue(malformed.headers().firstValue("Location").orElse("").contains("error=invalid_request"),
                malformed.headers().map().toString());
    }

    // RFC 9449 §5.0: a public client's refresh token, got with a proof, is bound to that proof's key.
    @Test
    void whenAPublicClientGotItsTokensWithAProofThenItsRefreshTokenNeedsThatKey() throws Exception {
        PkcePair pkce = PkcePair.random();
        String redirect = "http://127.0.0.1:9000/callback";
        String code = browser.code(Map.of("client_id", io.accountoauth.testsupport.TestClients.PUBLIC_ID,
                "redirect_uri", redirect, "code_challenge", pkce.challenge(), "code_challenge_method", "S256"), "dave");
        HttpResponse<String> exchanged = api.post("account/token", Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", redirect, "code_verifier", pkce.verifier(),
                "client_id", io.accountoauth.testsupport.TestClients.PUBLIC_ID), "DPoP", tokenProof(c -> c));
        assertEquals(200, exchanged.statusCode(), exchanged.body());
        String refresh = Api.json(exchanged).getString("refresh_token");
        Map<String, String> form = Map.of("grant_type", "refresh_token", "refresh_token", refresh,
                "client_id", io.accountoauth.testsupport.TestClients.PUBLIC_ID);

        HttpResponse<String> noProof = api.post("account/token", form);
        assertEquals(400, noProof.statusCode(), noProof.body());
        assertEquals("invalid_grant", Api.json(noProof).getString("error"));
        HttpResponse<String> otherKeysProof = api.post("account/token", form, "DPoP", proof(otherKey, "POST",
                issuer + "/account/token", null, c -> c, new JOSEObjectType("dpop+jwt"), otherKey.toPublicJWK()));
        assertEquals("invalid_grant", Api.json(otherKeysProof).getString("error"));

        HttpResponse<String> refreshed = api.post("account/token", form, "DPoP", tokenProof(c -> c));
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertEquals("DPoP", Api.json(refreshed).getString("token_type"));
        HttpResponse<String> next = api.post("account/token", Map.of("grant_type", "refresh_token",
                "refresh_token", Api.json(refreshed).getString("refresh_token"),
                "client_id", io.accountoauth.testsupport.TestClients.PUBLIC_ID));
        assertEquals("invalid_grant", Api.json(next).getString("error"), "the rotated one is bound as well");
    }

    @Test
    void whenTheMetadataIsReadThenItListsTheDPoPAlgorithms() {
        JsonObject metadata = Api.json(api.get(MetadataIT.WELL_KNOWN));
        assertEquals(List.of("PS256", "ES256", "EdDSA"), metadata.getJsonArray("dpop_signing_alg_values_supported")
                .getValuesAs(jakarta.json.JsonString::getString));
    }
}
