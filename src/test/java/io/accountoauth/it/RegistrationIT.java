package io.accountoauth.it;

import static io.accountoauth.it.TokenCalls.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dynamic client registration (RFC 7591): sandbox users register their own apps and use them at once. */
class RegistrationIT extends DeployedWar {

    static final String REDIRECT_URI = "https://money.example/callback";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @BeforeEach
    void setUp() {
        // A new hour for every test: each starts with the whole per-address registration allowance.
        api.advanceClock(3601);
    }

    // RFC 7591 §3.2.1: the client information response.
    @Test
    void whenAConfidentialAppRegistersThenItGetsAnIdAndASecretAndCompletesTheFlow() {
        HttpResponse<String> response = api.postJson("account/register",
                "{\"client_name\":\"Budget Buddy\",\"redirect_uris\":[\"" + REDIRECT_URI + "\"]}");
        assertEquals(201, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        JsonObject client = Api.json(response);
        String clientId = client.getString("client_id");
        String secret = client.getString("client_secret");
        assertTrue(clientId.length() >= 22 && secret.length() >= 43, client.toString());
        assertEquals("client_secret_basic", client.getString("token_endpoint_auth_method"));
        assertEquals(List.of(REDIRECT_URI), client.getJsonArray("redirect_uris").getValuesAs(
                jakarta.json.JsonString::getString));
        assertEquals(0, client.getInt("client_secret_expires_at"));

        Browser.Page login = browser.authorize(Map.of("client_id", clientId, "redirect_uri", REDIRECT_URI));
        assertTrue(login.body().contains("Budget Buddy"), login.body());
        Browser.Page redirect = browser.decide(browser.logIn(login, "jane", "pw"), "allow");
        String code = Queries.parse(URI.create(redirect.location()).getRawQuery()).get("code");

        HttpResponse<String> tokens = api.postWithBasic("account/token", Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", REDIRECT_URI), clientId, secret);
        assertEquals(200, tokens.statusCode(), tokens.body());
        String accessToken = Api.json(tokens).getString("access_token");
        assertTrue(api.withBearer("account/balance", accessToken).body().contains("981,719.23"));
    }

    @Test
    void whenTwoAppsRegisterThenTheirIdsAndSecretsDiffer() {
        String body = "{\"client_name\":\"Twin\",\"redirect_uris\":[\"" + REDIRECT_URI + "\"]}";
        JsonObject first = Api.json(api.postJson("account/register", body));
        JsonObject second = Api.json(api.postJson("account/register", body));
        assertNotEquals(first.getString("client_id"), second.getString("client_id"));
        assertNotEquals(first.getString("client_secret"), second.getString("client_secret"));
    }

    // RFC 7591 §2: token_endpoint_auth_method "none" registers a public client, which gets no secret.
    @Test
    void whenAPublicAppRegistersThenItGetsNoSecretAndUsesPkce() {
        String redirectUri = "http://127.0.0.1/cb";
        JsonObject client = Api.json(api.postJson("account/register", "{\"client_name\":\"Pocket\","
                + "\"redirect_uris\":[\"" + redirectUri + "\"],\"token_endpoint_auth_method\":\"none\"}"));
        assertFalse(client.containsKey("client_secret"), client.toString());
        assertEquals("none", client.getString("token_endpoint_auth_method"));
        String clientId = client.getString("client_id");

        PkcePair pkce = PkcePair.random();
        String loopback = "http://127.0.0.1:65031/cb";
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("redirect_uri", loopback);
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", "S256");
        String code = browser.code(query, "dave");

        HttpResponse<String> tokens = api.post("account/token", Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", loopback, "client_id", clientId, "code_verifier", pkce.verifier()));
        assertEquals(200, tokens.statusCode(), tokens.body());
    }

    // RFC 7591 §3.2.2: invalid_redirect_uri.
    @ParameterizedTest
    @ValueSource(strings = {
            "http://money.example/callback",
            "https://money.example/callback#frag",
            "https://*.money.example/callback",
            "javascript:alert(1)",
            "data:text/html,hi",
            "/callback",
            "https://user@money.example/callback",
            "https://money.example/a/../callback",
            "http://localhost:8080/cb?x=1",
            ""})
    void whenARedirectUriIsNotAllowedThenInvalidRedirectUri(String redirectUri) {
        HttpResponse<String> response = api.postJson("account/register",
                "{\"client_name\":\"Bad\",\"redirect_uris\":[\"" + redirectUri + "\"]}");
        assertError(response, 400, "invalid_redirect_uri");
    }

    // A port is a number from 1 to 65535 (RFC 3986 §3.2.3 with RFC 793): a larger one is no address at all.
    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example:99999/", "https://money.example:65536/callback",
            "https://money.example:0/callback", "http://127.0.0.1:70000/callback"})
    void whenARedirectUriPortIsOutside1To65535ThenInvalidRedirectUri(String redirectUri) {
        JsonObject error = assertError(api.postJson("account/register",
                "{\"client_name\":\"Port\",\"redirect_uris\":[\"" + redirectUri + "\"]}"), 400, "invalid_redirect_uri");
        assertTrue(error.getString("error_description", "").contains("port"), error.toString());
    }

    @Test
    void whenARedirectUriPortIsWithin1To65535ThenRegistered() {
        for (String redirectUri : List.of("https://money.example:1/callback", "https://money.example:65535/callback")) {
            HttpResponse<String> response = api.postJson("account/register",
                    "{\"client_name\":\"Port\",\"redirect_uris\":[\"" + redirectUri + "\"]}");
            assertEquals(201, response.statusCode(), response.body());
        }
    }

    // The consent page must show the name as it reads: no bidirectional overrides or isolates (U+202A-U+202E,
    // U+2066-U+2069), marks, zero-width or other invisible formatting, controls, line breaks or lone surrogates.
    @ParameterizedTest
    @ValueSource(strings = {"Bank\\u202egnp.exe", "\\u202bYoisho Bank", "\\u2066Yoisho\\u2069 Bank",
            "Yoisho\\u200eBank", "Yoisho\\u200fBank", "Yo\\u200bisho", "Yo\\u200disho", "Yoisho\\u2060",
            "\\ufeffYoisho", "Yoisho\\u061c", "Yoisho\\u00ad", "Yoisho\\u2028Bank", "Yoisho\\u2029",
            "Yoisho\\u0085Bank", "Yoisho\\u0000", "Yoisho\\tBank", "Yoisho Bank\\n", "Yoisho\\ud800Bank",
            "Yoisho\\udc00", "\\udb40\\udc41Yoisho"})
    void whenAClientNameHasInvisibleOrControlCharactersThenInvalidClientMetadataNamingIt(String jsonName) {
        JsonObject error = assertError(api.postJson("account/register",
                "{\"client_name\":\"" + jsonName + "\",\"redirect_uris\":[\"" + REDIRECT_URI + "\"]}"),
                400, "invalid_client_metadata");
        assertTrue(error.getString("error_description", "").startsWith("client_name "), error.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u05d1\u05e0\u05e7 \u05d4\u05db\u05e1\u05e3", "\u0645\u0635\u0631\u0641\u064a",
            "Caf\u00e9 \ud83d\udcb0 \u4e2d\u6587", "Budget\u00a0Buddy"})
    void whenAClientNameIsTextInAnyScriptThenItIsRegisteredAsGiven(String name) {
        HttpResponse<String> response = api.postJson("account/register",
                "{\"client_name\":\"" + name + "\",\"redirect_uris\":[\"" + REDIRECT_URI + "\"]}");
        assertEquals(201, response.statusCode(), response.body());
        assertEquals(name, Api.json(response).getString("client_name"));
    }

    @Test
    void whenNoRedirectUrisThenInvalidRedirectUri() {
        assertError(api.postJson("account/register", "{\"client_name\":\"None\"}"), 400, "invalid_redirect_uri");
        assertError(api.postJson("account/register", "{\"redirect_uris\":[]}"), 400, "invalid_redirect_uri");
        assertError(api.postJson("account/register", "{\"redirect_uris\":\"" + REDIRECT_URI + "\"}"),
                400, "invalid_redirect_uri");
    }

    // RFC 7591 §3.2.2: invalid_client_metadata.
    @Test
    void whenMetadataIsNotSupportedThenInvalidClientMetadata() {
        String uris = "\"redirect_uris\":[\"" + REDIRECT_URI + "\"]";
        assertError(api.postJson("account/register", "{" + uris + ",\"token_endpoint_auth_method\":\"private_key_jwt\"}"),
                400, "invalid_client_metadata");
        assertError(api.postJson("account/register", "{" + uris + ",\"grant_types\":[\"client_credentials\"]}"),
                400, "invalid_client_metadata");
        assertError(api.postJson("account/register", "{" + uris + ",\"response_types\":[\"token\"]}"),
                400, "invalid_client_metadata");
        assertError(api.postJson("account/register", "{" + uris + ",\"client_name\":42}"),
                400, "invalid_client_metadata");
        assertError(api.postJson("account/register", "{" + uris + ",\"client_name\":\"" + "x".repeat(101) + "\"}"),
                400, "invalid_client_metadata");
        assertError(api.postJson("account/register", "not json"), 400, "invalid_client_metadata");
        assertError(api.postJson("account/register", "[1,2]"), 400, "invalid_client_metadata");
    }

    @Test
    void whenTheBodyIsNotJsonThen415() {
        HttpResponse<String> response = api.post("account/register", Map.of("client_name", "Form"));
        assertEquals(415, response.statusCode(), response.body());
    }

    @Test
    void whenOneAddressRegistersMoreThanTenAppsInAnHourThen429WithRetryAfter() {
        String body = "{\"client_name\":\"Flood\",\"redirect_uris\":[\"" + REDIRECT_URI + "\"]}";
        for (int i = 0; i < 10; i++) {
            assertEquals(201, api.postJson("account/register", body).statusCode(), "registration " + (i + 1));
        }
        HttpResponse<String> refused = api.postJson("account/register", body);
        assertEquals(429, refused.statusCode(), refused.body());
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);

        api.advanceClock(retryAfter + 1);
        assertEquals(201, api.postJson("account/register", body).statusCode());
    }

    @Test
    void whenRegistrationsAreRefusedThenTheyDoNotCountAgainstTheAddress() {
        RawHttp from = new RawHttp(server(), RawHttp.loopback(70));
        String bad = "{\"client_name\":\"Bad\",\"redirect_uris\":[\"http://evil.example/cb\"]}";
        String good = "{\"client_name\":\"Good\",\"redirect_uris\":[\"" + REDIRECT_URI + "\"]}";
        for (int i = 0; i < 12; i++) {
            assertEquals(400, from.send(registration(bad)).status(), "refused registration " + (i + 1));
        }
        for (int i = 0; i < 10; i++) {
            RawHttp.Response made = from.send(registration(good));
            assertEquals(201, made.status(), "registration " + (i + 1) + ": " + made);
        }
        assertEquals(429, from.send(registration(good)).status());
    }

    private RawHttp.Request registration(String json) {
        return new RawHttp.Request("POST", server().getPath() + "account/register").body("application/json", json);
    }

    @Test
    void whenAClientNameCarriesMarkupThenTheLoginPageShowsItAsText() {
        JsonObject client = Api.json(api.postJson("account/register",
                "{\"client_name\":\"<script>alert(1)</script>\",\"redirect_uris\":[\"" + REDIRECT_URI + "\"]}"));
        Browser.Page login = browser.authorize(Map.of("client_id", client.getString("client_id"),
                "redirect_uri", REDIRECT_URI));
        assertFalse(login.body().contains("<script>alert(1)</script>"), login.body());
        assertTrue(login.document().text().contains("<script>alert(1)</script>"));
    }
}
