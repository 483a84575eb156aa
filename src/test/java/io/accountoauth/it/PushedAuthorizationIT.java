package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accountoauth.testsupport.TestClients;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Pushed authorization requests (RFC 9126): the app pushes its request from its server and sends the browser with
 * only its client_id and the request_uri; nothing else in the browser's URL counts, and a request_uri is used once,
 * by its own app, within 60 seconds.
 */
class PushedAuthorizationIT extends DeployedWar {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    private HttpResponse<String> push(Map<String, String> form) {
        return api.postWithBasic("account/par", form, SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
    }

    private String pushed(Map<String, String> form) {
        HttpResponse<String> response = push(form);
        assertEquals(201, response.statusCode(), response.body());
        return Api.json(response).getString("request_uri");
    }

    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(error, Api.json(response).getString("error"), response.body());
    }

    @Test
    void whenAnAppPushesItsRequestThenItGetsASingleUseReferenceForSixtySeconds() {
        HttpResponse<String> response = push(Map.of("redirect_uri", SandboxApp.REDIRECT_URI, "state", "s1"));
        assertEquals(201, response.statusCode(), response.body());
        JsonObject body = Api.json(response);
        assertTrue(body.getString("request_uri").matches("urn:ietf:params:oauth:request_uri:[A-Za-z0-9_-]{43}"),
                body.toString());
        assertEquals(60, body.getInt("expires_in"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    }

    // RFC 9126 §4: only client_id and request_uri are read from the URL; what else is there cannot override.
    @Test
    void whenTheBrowserBringsTheRequestUriThenThePushedParametersAloneCount() {
        String requestUri = pushed(Map.of("redirect_uri", SandboxApp.REDIRECT_URI, "state", "pushed-state",
                "scope", "balance", "response_type", "code"));
        Browser.Page redirect = browser.approve(Map.of("client_id", SandboxApp.CLIENT_ID, "request_uri", requestUri,
                "redirect_uri", "http://127.0.0.1/elsewhere", "state", "query-state", "scope", "read"), "dave");
        String location = redirect.location();
        assertTrue(location.startsWith(SandboxApp.REDIRECT_URI + "?code="), location);
        Map<String, String> answer = Queries.parse(URI.create(location).getRawQuery());
        assertEquals("pushed-state", answer.get("state"));

        HttpResponse<String> token = api.post("account/token", Map.of("grant_type", "authorization_code",
                "code", answer.get("code"), "redirect_uri", SandboxApp.REDIRECT_URI), "Authorization",
                Api.basic(SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET));
        assertEquals(200, token.statusCode(), token.body());
        assertEquals("balance", Api.json(token).getString("scope"), "the pushed scope, not the URL's");
    }

    @Test
    void whenARequestUriIsUsedTwiceThenTheSecondUseGetsAnErrorPage() {
        String requestUri = pushed(Map.of("redirect_uri", SandboxApp.REDIRECT_URI));
        String authorize = "account/authorize?" + Browser.form(Map.of("client_id", SandboxApp.CLIENT_ID,
                "request_uri", requestUri));
        assertEquals(303, api.get(authorize).statusCode());
        assertInvalidRequestUri(api.get(authorize));
    }

    @Test
    void whenARequestUriHasExpiredThenAnErrorPage() {
        String requestUri = pushed(Map.of("redirect_uri", SandboxApp.REDIRECT_URI));
        api.advanceClock(61);
        try {
            assertInvalidRequestUri(api.get("account/authorize?" + Browser.form(Map.of(
                    "client_id", SandboxApp.CLIENT_ID, "request_uri", requestUri))));
        } finally {
            api.advanceClock(-61);
        }
    }

    @Test
    void whenAnotherAppBringsTheRequestUriThenItIsRefusedAndNotUsedUp() {
        String requestUri = pushed(Map.of("redirect_uri", SandboxApp.REDIRECT_URI));
        assertInvalidRequestUri(api.get("account/authorize?" + Browser.form(Map.of(
                "client_id", TestClients.OTHER_ID, "request_uri", requestUri))));
        assertInvalidRequestUri(api.get("account/authorize?" + Browser.form(Map.of(
                "client_id", SandboxApp.CLIENT_ID, "request_uri", "urn:ietf:params:oauth:request_uri:made-up"))));
        assertEquals(303, api.get("account/authorize?" + Browser.form(Map.of(
                "client_id", SandboxApp.CLIENT_ID, "request_uri", requestUri))).statusCode());
    }

    // One request_uri, twenty browsers at once: exactly one gets the login page.
    @Test
    void whenManyBrowsersUseOneRequestUriAtOnceThenExactlyOneGetsIt() throws Exception {
        String requestUri = pushed(Map.of("redirect_uri", SandboxApp.REDIRECT_URI));
        String authorize = "account/authorize?" + Browser.form(Map.of("client_id", SandboxApp.CLIENT_ID,
                "request_uri", requestUri));
        List<HttpRequest> uses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            uses.add(HttpRequest.newBuilder(server().resolve(authorize)).GET().build());
        }
        ExecutorService threads = Executors.newFixedThreadPool(20);
        List<Integer> statuses;
        try {
            statuses = AtOnce.send(HttpClient.newHttpClient(), threads, uses).stream()
                    .map(HttpResponse::statusCode).toList();
        } finally {
            threads.shutdown();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 303).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 400).count(), statuses.toString());
    }

    @Test
    void whenAPushedRequestIsWrongThenTheAppIsToldAsJson() {
        assertError(push(Map.of("state", "x")), 400, "invalid_request");
        assertError(push(Map.of("redirect_uri", SandboxApp.REDIRECT_URI, "request_uri", "urn:x")), 400,
                "invalid_request");
        assertError(push(Map.of("redirect_uri", "https://evil.example/cb")), 400, "invalid_request");
        assertError(push(Map.of("redirect_uri", SandboxApp.REDIRECT_URI, "response_type", "token")), 400,
                "unsupported_response_type");
        assertError(push(Map.of("redirect_uri", SandboxApp.REDIRECT_URI, "scope", "write")), 400, "invalid_scope");
        assertError(push(Map.of("redirect_uri", SandboxApp.REDIRECT_URI, "code_challenge", "short",
                "code_challenge_method", "S256")), 400, "invalid_request");

        HttpResponse<String> wrongSecret = api.postWithBasic("account/par",
                Map.of("redirect_uri", SandboxApp.REDIRECT_URI), SandboxApp.CLIENT_ID, "wrong");
        assertError(wrongSecret, 401, "invalid_client");
        assertTrue(wrongSecret.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertError(api.post("account/par", Map.of("redirect_uri", SandboxApp.REDIRECT_URI)), 401, "invalid_client");
    }

    @Test
    void whenAPublicClientPushesThenItNeedsPkceAsAtTheAuthorizationEndpoint() {
        String redirect = "http://127.0.0.1:9000/callback";
        assertError(api.post("account/par", Map.of("client_id", TestClients.PUBLIC_ID, "redirect_uri", redirect)),
                400, "invalid_request");
        PkcePair pkce = PkcePair.random();
        HttpResponse<String> pushed = api.post("account/par", Map.of("client_id", TestClients.PUBLIC_ID,
                "redirect_uri", redirect, "code_challenge", pkce.challenge(), "code_challenge_method", "S256"));
        assertEquals(201, pushed.statusCode(), pushed.body());
    }

    // RFC 9126 §6: an app registered with require_pushed_authorization_requests is only taken by request_uri.
    @Test
    void whenAnAppRequiresPushedRequestsThenItsUrlRequestsAreRefused() {
        String redirect = "https://app.example/cb";
        HttpResponse<String> registered = api.postJson("account/register", "{\"client_name\":\"Pushing App\","
                + "\"redirect_uris\":[\"" + redirect + "\"],\"require_pushed_authorization_requests\":true}");
        assertEquals(201, registered.statusCode(), registered.body());
        JsonObject client = Api.json(registered);
        assertTrue(client.getBoolean("require_pushed_authorization_requests"));
        String id = client.getString("client_id");
        String secret = client.getString("client_secret");

        HttpResponse<String> inUrl = api.get("account/authorize?" + Browser.form(Map.of("client_id", id,
                "redirect_uri", redirect, "state", "s")));
        assertEquals(400, inUrl.statusCode(), inUrl.body());
        assertTrue(inUrl.body().contains("pushed (RFC 9126)"), inUrl.body());
        assertNull(inUrl.headers().firstValue("Location").orElse(null));

        HttpResponse<String> pushed = api.postWithBasic("account/par", Map.of("redirect_uri", redirect), id, secret);
        assertEquals(201, pushed.statusCode(), pushed.body());
        assertEquals(303, api.get("account/authorize?" + Browser.form(Map.of("client_id", id,
                "request_uri", Api.json(pushed).getString("request_uri")))).statusCode());

        assertFalse(Api.json(api.postJson("account/register", "{\"redirect_uris\":[\"" + redirect + "\"]}"))
                .getBoolean("require_pushed_authorization_requests"), "not required unless asked");
        assertError(api.postJson("account/register", "{\"redirect_uris\":[\"" + redirect + "\"],"
                + "\"require_pushed_authorization_requests\":\"yes\"}"), 400, "invalid_client_metadata");
    }

    @Test
    void whenTheMetadataIsReadThenItNamesThePushedRequestEndpoint() {
        JsonObject metadata = Api.json(api.get(MetadataIT.WELL_KNOWN));
        assertEquals(metadata.getString("issuer") + "/account/par",
                metadata.getString("pushed_authorization_request_endpoint"));
        assertFalse(metadata.getBoolean("require_pushed_authorization_requests"));
    }

    private static void assertInvalidRequestUri(HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("invalid_request_uri"), response.body());
        assertNull(response.headers().firstValue("Location").orElse(null), "never redirected");
    }
}
