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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * No secret reaches the server's log: not the client secret that the original token call carries in its query,
 * nor codes, access or refresh tokens, PKCE verifiers or wrong secrets. Each Arquillian-managed Payara Micro
 * logs to a file of its own (arquillian.xml, {@link SharedPayaraMicro}); this test runs the whole flow and reads
 * what its server wrote to that file meanwhile. What the server logged before is left out: other test classes on
 * the same server send malformed requests on purpose, and the container logs those as it sees fit.
 */
class LogSecretsIT extends DeployedWar {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @Test
    void whenTheWholeFlowRunsThenNoSecretCodeOrTokenIsInTheServerLog() {
        URI root = server();
        String before = readLog();
        // Where this test's part of the log begins: the end of what is there now (with its times to the millisecond)
        String anchor = before.substring(Math.max(0, before.length() - 400));
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
        HttpResponse<String> exchanged = api.post(TokenEndpoints.TOKEN, TokenCalls.form("grant_type",
                "authorization_code", "code", code2, "redirect_uri", "http://127.0.0.1:65042/cb", "code_verifier",
                pkce2.verifier(), "client_id", clientId, "client_secret", secret));
        TokenEndpoints.Tokens first = TokenEndpoints.tokens(exchanged);
        HttpResponse<String> refreshed = api.post(TokenEndpoints.TOKEN, TokenCalls.form("grant_type",
                "refresh_token", "refresh_token", first.refreshToken(), "client_id", clientId, "client_secret", secret));
        TokenEndpoints.Tokens second = TokenEndpoints.tokens(refreshed);
        JsonObject active = TokenEndpoints.assertActive(api.post(TokenEndpoints.INTROSPECT, TokenCalls.form(
                "token", second.accessToken(), "client_id", clientId, "client_secret", secret)));
        assertEquals(clientId, active.getString("client_id"));
        assertEquals(200, api.post(TokenEndpoints.REVOKE, TokenCalls.form("token", second.refreshToken(),
                "client_id", clientId, "client_secret", secret)).statusCode());
        TokenEndpoints.assertInactive(api.post(TokenEndpoints.INTROSPECT, TokenCalls.form(
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
        assertEquals(401, api.postWithBasic(TokenEndpoints.TOKEN, TokenCalls.form("grant_type", "refresh_token",
                "refresh_token", first.refreshToken()), SandboxApp.CLIENT_ID, wrongInBasic).statusCode());
        assertEquals(401, api.post(TokenEndpoints.TOKEN, TokenCalls.form("grant_type", "authorization_code",
                "code", code2, "redirect_uri", "http://127.0.0.1:65042/cb", "client_id", clientId,
                "client_secret", wrongInForm)).statusCode());
        assertEquals(401, api.post(TokenEndpoints.INTROSPECT, TokenCalls.form("token", legacyToken,
                "client_id", clientId, "client_secret", wrongAtIntrospection)).statusCode());
        TokenCalls.assertError(api.accessToken(code, SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET),
                400, "invalid_grant");
        // A password whose form encoding is broken (a trailing "%"): the container's parameter parser must not log
        // the value it could not decode.
        String undecodable = "pwCanary" + random();
        Browser.Page loginPage = browser.authorize(Map.of("client_id", SandboxApp.CLIENT_ID,
                "redirect_uri", SandboxApp.REDIRECT_URI));
        List<Map.Entry<String, String>> loginFields = new java.util.ArrayList<>(Browser.fieldsOf(loginPage, "login"));
        loginFields.add(Map.entry("login:username", "dave"));
        loginFields.add(Map.entry("login:signIn", "Log in"));
        assertTrue(browser.postRaw(loginPage.uri().resolve("login.xhtml"), Browser.form(loginFields)
                + "&login%3Apassword=" + undecodable + "%").status() < 500);
        secrets.put("a password that does not decode", undecodable);
        secrets.put("a wrong secret in a query", wrongInQuery);
        secrets.put("a wrong secret in a Basic header", wrongInBasic);
        secrets.put("a wrong secret in a form", wrongInForm);
        secrets.put("a wrong secret at introspection", wrongAtIntrospection);

        String whole = logAfterMarker(browser, root);
        // The anchor's first occurrence: a log that ended with a stack trace may end the same way again (the
        // marker's), and reading from an earlier place only checks more. When the generation with the anchor is
        // gone, so is everything before it.
        int at = anchor.isEmpty() ? -1 : whole.indexOf(anchor);
        String log = at < 0 ? whole : whole.substring(at + anchor.length());
        assertTrue(log.contains("ViewExpiredException"), "the part of the log checked holds the flow and the marker");
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
        throw new AssertionError("the server's log file did not grow");
    }

    private static long occurrences(String text, String word) {
        long count = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            count++;
        }
        return count;
    }

    /**
     * Everything this test's server has logged that is still in its log file: Payara Micro writes the file in
     * generations ({@code name.0} the newest, then {@code name.1}, ...), which are read oldest first, so that what
     * was read once stays before what is written later. The file is named after the deployment
     * ({@link SharedPayaraMicro#logFile}).
     */
    private static String readLog() {
        String configured = System.getProperty("payara.logFile");
        assertNotNull(configured, "payara.logFile is not set: run the tests with Maven (failsafe sets it)");
        Path file = Path.of(SharedPayaraMicro.logFile(configured, SharedPayaraMicro.fingerprint(deployment())))
                .toAbsolutePath();
        String name = file.getFileName().toString();
        Pattern generation = Pattern.compile(Pattern.quote(name) + "(?:\\.(\\d+))?");
        StringBuilder log = new StringBuilder();
        try (Stream<Path> files = Files.list(file.getParent())) {
            List<Path> generations = files.filter(p -> generation.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(LogSecretsIT::generation).reversed()).toList();
            assertFalse(generations.isEmpty(), () -> "no log file " + file + "*");
            for (Path path : generations) {
                log.append(new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return log.toString();
    }

    /** A generation's number ({@code name.3}: 3), -1 for the file without one, which JUL writes when it keeps one. */
    private static int generation(Path path) {
        String name = path.getFileName().toString();
        String last = name.substring(name.lastIndexOf('.') + 1);
        return last.chars().allMatch(Character::isDigit) ? Integer.parseInt(last) : -1;
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
