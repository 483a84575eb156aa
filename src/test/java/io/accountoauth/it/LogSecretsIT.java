package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * No secret reaches the server's log: not the client secret that the original token call carries in its query,
 * nor codes, access or refresh tokens, PKCE verifiers or wrong secrets. The Arquillian-managed Payara Micro
 * logs to a file (arquillian.xml, {@code --logtofile}); this test runs the whole flow and reads that file.
 */
class LogSecretsIT extends DeployedWar {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** What the application logs when it starts (SandboxData). */
    private static final String APPLICATION_STARTED = "Sandbox data ready";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @Test
    void whenTheWholeFlowRunsThenNoSecretCodeOrTokenIsInTheServerLog() {
        URI root = server();
        Api api = new Api(root);
        api.advanceClock(7200);
        Browser browser = new Browser(root);
        Map<String, String> secrets = new LinkedHashMap<>();

        // The original sandbox's call: code, client_id and client_secret in the query of a GET, with PKCE
        PkcePair pkce = canaryPkce();
        String code = browser.code(request(SandboxApp.CLIENT_ID, "http://127.0.0.1:65041/cb", pkce), "dave");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("code", code);
        query.put("client_id", SandboxApp.CLIENT_ID);
        query.put("client_secret", SandboxApp.CLIENT_SECRET);
        query.put("code_verifier", pkce.verifier());
        // As some HTTP clients send it: a form Content-Type on a GET without a body
        HttpResponse<String> legacy = api.get("account/access_token?" + Browser.form(query),
                "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(200, legacy.statusCode(), legacy.body());
        String legacyToken = Api.json(legacy).getString("access_token");
        assertEquals(200, api.withBearer("account/balance", legacyToken).statusCode());
        secrets.put("the sandbox app's client secret", SandboxApp.CLIENT_SECRET);
        secrets.put("a code redeemed with GET /account/access_token", code);
        secrets.put("the access token from GET /account/access_token", legacyToken);
        secrets.put("a PKCE verifier sent in a query", pkce.verifier());

        // A registered app at the standard token endpoint (client_secret_post): code, refresh, introspect, revoke
        HttpResponse<String> registered = api.postJson("account/register", "{\"client_name\":\"Log Canary\","
                + "\"redirect_uris\":[\"http://127.0.0.1/cb\"],\"token_endpoint_auth_method\":\"client_secret_post\"}");
        assertEquals(201, registered.statusCode(), registered.body());
        String clientId = Api.json(registered).getString("client_id");
        String secret = Api.json(registered).getString("client_secret");
        PkcePair pkce2 = canaryPkce();
        String code2 = browser.code(request(clientId, "http://127.0.0.1:65042/cb", pkce2), "jane");
        HttpResponse<String> exchanged = api.post(TokenEndpoints.TOKEN, TokenEndpoints.form("grant_type",
                "authorization_code", "code", code2, "redirect_uri", "http://127.0.0.1:65042/cb", "code_verifier",
                pkce2.verifier(), "client_id", clientId, "client_secret", secret));
        TokenEndpoints.Tokens first = TokenEndpoints.tokens(exchanged);
        HttpResponse<String> refreshed = api.post(TokenEndpoints.TOKEN, TokenEndpoints.form("grant_type",
                "refresh_token", "refresh_token", first.refreshToken(), "client_id", clientId, "client_secret", secret));
        TokenEndpoints.Tokens second = TokenEndpoints.tokens(refreshed);
        JsonObject active = TokenEndpoints.assertActive(api.post(TokenEndpoints.INTROSPECT, TokenEndpoints.form(
                "token", second.accessToken(), "client_id", clientId, "client_secret", secret)));
        assertEquals(clientId, active.getString("client_id"));
        assertEquals(200, api.post(TokenEndpoints.REVOKE, TokenEndpoints.form("token", second.refreshToken(),
                "client_id", clientId, "client_secret", secret)).statusCode());
        TokenEndpoints.assertInactive(api.post(TokenEndpoints.INTROSPECT, TokenEndpoints.form(
                "token", second.accessToken(), "client_id", clientId, "client_secret", secret)));
        secrets.put("a registered app's client secret", secret);
        secrets.put("a code redeemed with POST /account/token", code2);
        secrets.put("a PKCE verifier sent in a form", pkce2.verifier());
        secrets.put("an access token", first.accessToken());
        secrets.put("a refresh token", first.refreshToken());
        secrets.put("a refreshed access token", second.accessToken());
        secrets.put("a rotated refresh token", second.refreshToken());

        // Failures: wrong secrets (four, under the throttle's five) and a code presented again
        String wrongInQuery = "wrong-secret-" + random();
        String wrongInBasic = "wrong-secret-" + random();
        String wrongInForm = "wrong-secret-" + random();
        String wrongAtIntrospection = "wrong-secret-" + random();
        Map<String, String> wrongQuery = new LinkedHashMap<>(query);
        wrongQuery.put("client_secret", wrongInQuery);
        assertEquals(401, api.get("account/access_token?" + Browser.form(wrongQuery),
                "Content-Type", "application/x-www-form-urlencoded").statusCode());
        assertEquals(401, api.postWithBasic(TokenEndpoints.TOKEN, TokenEndpoints.form("grant_type", "refresh_token",
                "refresh_token", first.refreshToken()), SandboxApp.CLIENT_ID, wrongInBasic).statusCode());
        assertEquals(401, api.post(TokenEndpoints.TOKEN, TokenEndpoints.form("grant_type", "authorization_code",
                "code", code2, "redirect_uri", "http://127.0.0.1:65042/cb", "client_id", clientId,
                "client_secret", wrongInForm)).statusCode());
        assertEquals(401, api.post(TokenEndpoints.INTROSPECT, TokenEndpoints.form("token", legacyToken,
                "client_id", clientId, "client_secret", wrongAtIntrospection)).statusCode());
        TokenEndpoints.assertError(api.accessToken(code, SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET),
                400, "invalid_grant");
        secrets.put("a wrong secret in a query", wrongInQuery);
        secrets.put("a wrong secret in a Basic header", wrongInBasic);
        secrets.put("a wrong secret in a form", wrongInForm);
        secrets.put("a wrong secret at introspection", wrongAtIntrospection);

        String log = logAfterMarker(browser, root);
        for (Map.Entry<String, String> secret1 : secrets.entrySet()) {
            assertFalse(log.contains(secret1.getValue()), secret1.getKey() + " is in the server's log");
        }
        System.out.printf("[LogSecretsIT] %d values checked against %d characters of server log%n",
                secrets.size(), log.length());
    }

    private static Map<String, String> request(String clientId, String redirectUri, PkcePair pkce) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("state", "log-state");
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", "S256");
        query.put("prompt", "consent");
        return query;
    }

    /** A verifier no server would write by chance: a marker and 256 random bits. */
    private static PkcePair canaryPkce() {
        String verifier = "pkceCanary" + random();
        return new PkcePair(verifier, PkcePair.s256(verifier));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The server's log once it has written something after the flow: a form posted with a view state the
     * server never had is logged by the container (a warning with ViewExpiredException); when that entry is
     * in the file, so is everything before it.
     */
    private static String logAfterMarker(Browser browser, URI root) {
        long before = occurrences(readLog(), "ViewExpiredException");
        Browser.Page login = browser.authorize(Map.of("client_id", SandboxApp.CLIENT_ID,
                "redirect_uri", SandboxApp.REDIRECT_URI));
        List<Map.Entry<String, String>> fields = new java.util.ArrayList<>(Browser.fieldsOf(login, "login"));
        fields.replaceAll(f -> f.getKey().equals("jakarta.faces.ViewState") ? Map.entry(f.getKey(), "1:2") : f);
        fields.add(Map.entry("login:signIn", "Log in"));
        assertEquals(400, browser.post(login.uri().resolve("login.xhtml"), fields).status());
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            String log = readLog();
            if (occurrences(log, "ViewExpiredException") > before) {
                return log;
            }
            sleep();
        }
        throw new AssertionError("the server's log file did not grow: " + logFile());
    }

    private static long occurrences(String text, String word) {
        long count = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            count++;
        }
        return count;
    }

    private static Path logFile() {
        String configured = System.getProperty("payara.logFile");
        assertNotNull(configured, "payara.logFile is not set: run the tests with Maven (failsafe sets it)");
        return Path.of(configured).toAbsolutePath();
    }

    /**
     * What this test's server has logged since the application started. Every server the tests boot appends to
     * the same file (and its numbered generations, oldest first); this one's part begins at the last start.
     */
    private static String readLog() {
        Path file = logFile();
        String name = file.getFileName().toString();
        StringBuilder log = new StringBuilder();
        try (Stream<Path> files = Files.list(file.getParent())) {
            for (Path path : files.filter(p -> p.getFileName().toString().startsWith(name)
                    && !p.getFileName().toString().endsWith(".lck"))
                    .sorted(java.util.Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList()) {
                log.append(new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = log.lastIndexOf(APPLICATION_STARTED);
        assertTrue(start >= 0, () -> "the application's start is not in " + file + "*");
        return log.substring(start);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
