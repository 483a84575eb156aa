package io.accountoauth.it;

import static io.accountoauth.it.TokenCalls.assertBearerError;
import static io.accountoauth.it.TokenCalls.assertTokenError;
import static io.accountoauth.it.TokenCalls.assertTokens;
import static io.accountoauth.it.TokenCalls.redirectParameters;
import static io.accountoauth.it.TokenCalls.sandboxRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Several Payara Micro nodes started with the same {@code --clustermode} and the same PostgreSQL act as one
 * server: a code, an access token, a refresh token, a revocation, a login session or a run of failed logins is the
 * same whichever node a request reaches, and the nodes left standing go on when one is killed.
 *
 * <p>One cluster serves every test of the class: nodes A and B, booted together, on a data grid of their own on
 * 127.0.0.1 ({@link PayaraMicroProcess.Grid}), with one embedded PostgreSQL. The last test kills node A and starts
 * node C. The tests run in order; tests that revoke a consent use a consent of their own ({@code prompt=consent}),
 * and only the brute-force test logs in as jane, who then cools down for at least 30 seconds. The nodes are the
 * class's own, not the server the other test classes share: they are clustered, on PostgreSQL, and one is killed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ClusterIT {

    /** Every request's time limit: a node that hangs fails the test instead of holding it. */
    private static final Duration HTTP = Duration.ofSeconds(20);
    /** How long Payara Micro may take to log a change of its data grid's members. */
    private static final Duration GRID_CHANGE = Duration.ofSeconds(60);
    private static final int ROUNDS = 50;
    private static final int THREADS_PER_NODE = 10;
    private static final int GRANTS_BEFORE_THE_KILL = 3;

    static EmbeddedPostgres postgres;
    static PayaraMicroProcess.Grid grid;
    static PayaraMicroProcess a;
    static PayaraMicroProcess b;
    /** Started by the last test, after node A was killed. */
    static PayaraMicroProcess c;

    @BeforeAll
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    static void startCluster() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        grid = PayaraMicroProcess.Grid.onLoopback(3);
        Instant start = Instant.now();
        List<PayaraMicroProcess> nodes = PayaraMicroProcess.startAll(List.of(member(0, "A"), member(1, "B")));
        a = nodes.get(0);
        b = nodes.get(1);
        a.awaitGridMembers(2, GRID_CHANGE);
        b.awaitGridMembers(2, GRID_CHANGE);
        System.out.println("ClusterIT: nodes A (" + a.base() + ") and B (" + b.base() + ") on data grid " + grid
                + " in " + Duration.between(start, Instant.now()).toSeconds() + " s");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        List<Throwable> problems = new ArrayList<>();
        for (PayaraMicroProcess node : Arrays.asList(c, b, a)) {
            if (node != null) {
                try {
                    node.close();
                } catch (RuntimeException | Error e) {
                    problems.add(e);
                }
            }
        }
        if (postgres != null) {
            postgres.close();
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("Not every node stopped: " + problems);
        }
    }

    /** Member {@code index} of the grid: node A, B or C, on the shared PostgreSQL. */
    private static PayaraMicroProcess.Launch member(int index, String node) {
        return grid.member(index, "payara-cluster-" + node, PostgresPersistenceIT.postgresqlOptions(),
                PostgresPersistenceIT.postgresqlEnvironment(postgres));
    }

    @Test
    @Order(1)
    void whenBothNodesAreReadyThenEachReportsTheGridTokenStoreWithTwoMembers() {
        for (PayaraMicroProcess node : List.of(a, b)) {
            JsonObject store = tokenStore(node);
            assertEquals("UP", store.getString("status"), () -> node.name() + ": " + store);
            assertEquals("grid", store.getJsonObject("data").getString("store", null),
                    () -> node.name() + " keeps its tokens elsewhere than on the data grid: " + store);
            assertEquals(2, HealthIT.data(store, "members"), () -> node.name() + " counts other members: " + store);
        }
    }

    // RFC 6749 §4.1.2: a code works once, at whichever node.
    @Test
    @Order(2)
    void whenACodeIsIssuedThroughNodeAThenNodeBRedeemsItOnceAndItsTokensWorkAtNodeA() {
        String code = browser(a).sandboxCode("dave");

        HttpResponse<String> exchanged = tokens(b).exchange(code, SandboxApp.REDIRECT_URI);
        assertEquals(200, exchanged.statusCode(), () -> "node B refused the code issued through node A: "
                + exchanged.body() + logs());
        JsonObject issued = assertTokens(exchanged);
        String accessToken = issued.getString("access_token");
        HttpResponse<String> atA = api(a).withBearer("account/balance", accessToken);
        assertEquals(200, atA.statusCode(), () -> "node A refused the access token node B issued: " + atA.body() + logs());

        // The same code again, at the node that issued it: used up, and every token issued from it ends.
        HttpResponse<String> again = tokens(a).exchange(code, SandboxApp.REDIRECT_URI);
        assertEquals(400, again.statusCode(), () -> "node A redeemed the code node B had already redeemed: "
                + again.body());
        assertTokenError(again, 400, "invalid_grant");
        HttpResponse<String> afterReuse = api(b).withBearer("account/balance", accessToken);
        assertEquals(401, afterReuse.statusCode(), () -> "the code's reuse at node A did not end its access token at "
                + "node B: " + afterReuse.body());
        assertBearerError(afterReuse, 401, "invalid_token");
    }

    // RFC 6749 §6, RFC 9700 §4.14.2: rotation and reuse detection span the nodes.
    @Test
    @Order(3)
    void whenNodeAIssuesTokensThenNodeBServesAndRotatesThemAndTheRotatedTokenReusedAtNodeARevokesTheGrant() {
        JsonObject issued = tokens(a).sandboxTokens(browser(a).sandboxCode("dave"));
        String accessToken = issued.getString("access_token");
        String refreshToken = issued.getString("refresh_token");

        HttpResponse<String> balance = api(b).withBearer("account/balance", accessToken);
        assertEquals(200, balance.statusCode(), () -> "node B refused the access token node A issued: " + balance.body()
                + logs());
        assertEquals("dave", Api.json(balance).getString("account_owner"));

        HttpResponse<String> refreshed = tokens(b).refresh(refreshToken);
        assertEquals(200, refreshed.statusCode(), () -> "node B refused the refresh token node A issued: "
                + refreshed.body() + logs());
        JsonObject rotated = assertTokens(refreshed);
        assertNotEquals(refreshToken, rotated.getString("refresh_token"), "a refresh rotates the refresh token");
        HttpResponse<String> rotatedAtA = api(a).withBearer("account/balance", rotated.getString("access_token"));
        assertEquals(200, rotatedAtA.statusCode(), () -> "node A refused the access token node B issued by the refresh: "
                + rotatedAtA.body());

        HttpResponse<String> reused = tokens(a).refresh(refreshToken);
        assertEquals(400, reused.statusCode(), () -> "node A accepted the refresh token node B had rotated away: "
                + reused.body());
        assertTokenError(reused, 400, "invalid_grant");

        HttpResponse<String> newest = tokens(b).refresh(rotated.getString("refresh_token"));
        assertEquals(400, newest.statusCode(), () -> "the reuse at node A did not revoke the grant: node B still "
                + "rotates its newest refresh token: " + newest.body());
        assertTokenError(newest, 400, "invalid_grant");
        assertBearerError(api(b).withBearer("account/balance", rotated.getString("access_token")), 401, "invalid_token");
    }

    // No sticky sessions: the login session and the pending authorization request are replicated (<distributable/>).
    @Test
    @Order(4)
    void whenEachRequestOfABrowserGoesToTheOtherNodeThenItLogsInConsentsAndGetsAWorkingCode() {
        Browser browser = Browser.alternating(List.of(a.base(), b.base()), HTTP);

        Browser.Page login = browser.authorize(sandboxRequest("prompt", "consent", "state", "alternating"));
        assertNotNull(login.document().getElementById("login"), () -> "no login page: the node did not find the "
                + "authorization request the browser's session filed at the other node: " + journey(browser, login));
        Browser.Page consent = browser.logIn(login, "dave", "any password");
        assertNotNull(consent.document().getElementById("consent"), () -> "no consent page after logging in at the "
                + "other node: " + journey(browser, consent));
        Browser.Page redirect = browser.decide(consent, "allow");
        assertEquals(303, redirect.status(), () -> "Allow at the other node did not send the browser back to the app: "
                + journey(browser, redirect));
        Map<String, String> answer = redirectParameters(redirect);
        assertEquals("alternating", answer.get("state"), redirect.location());
        String code = answer.get("code");
        assertNotNull(code, () -> "no code in " + redirect.location());

        List<String> nodes = browser.trail().stream().map(step -> step.split(" -> ")[1].split(" ")[0]).toList();
        for (int i = 1; i < nodes.size(); i++) {
            assertNotEquals(nodes.get(i - 1), nodes.get(i), "the browser must switch nodes at every request: "
                    + browser.trail());
        }
        assertTrue(nodes.size() >= 5, "authorize, login page, login, consent page, Allow: " + browser.trail());

        // The code comes from the node that answered Allow; the app redeems it at the other.
        PayaraMicroProcess issuer = nodes.get(nodes.size() - 1).equals(a.base().getRawAuthority()) ? a : b;
        PayaraMicroProcess other = issuer == a ? b : a;
        HttpResponse<String> exchanged = tokens(other).exchange(code, SandboxApp.REDIRECT_URI);
        assertEquals(200, exchanged.statusCode(), () -> other.name() + " refused the code " + issuer.name()
                + " issued at the end of the alternating flow: " + exchanged.body() + logs());
        String accessToken = assertTokens(exchanged).getString("access_token");
        assertEquals(200, api(issuer).withBearer("account/balance", accessToken).statusCode());
    }

    // RFC 6749 §4.1.2, §10.5: single use under concurrent redemption at both nodes; a used code presented again
    // ends the token issued from it.
    @Test
    @Order(5)
    void whenTwentyThreadsRedeemOneCodeAtBothNodesThenExactlyOneGetsATokenAndTheRestInvalidGrant() throws Exception {
        Browser atA = browser(a);
        Browser atB = browser(b);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
        Map<String, Integer> winners = new TreeMap<>();
        int redeemedElsewhere = 0;
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                // Codes come through each node in turn; the consent is remembered, so no consent page.
                PayaraMicroProcess issuer = round % 2 == 1 ? a : b;
                String code = (issuer == a ? atA : atB).sandboxCode("dave");
                List<PayaraMicroProcess> targets = new ArrayList<>();
                for (int i = 0; i < THREADS_PER_NODE; i++) {
                    targets.add(a);
                    targets.add(b);
                }
                List<HttpResponse<String>> responses = AtOnce.send(http, threads,
                        targets.stream().map(target -> AtOnce.redemption(target.base(), code, HTTP)).toList());

                List<PayaraMicroProcess> granted = new ArrayList<>();
                String accessToken = null;
                for (int i = 0; i < responses.size(); i++) {
                    HttpResponse<String> response = responses.get(i);
                    PayaraMicroProcess node = targets.get(i);
                    int r = round;
                    if (response.statusCode() == 200) {
                        granted.add(node);
                        accessToken = Api.json(response).getString("access_token");
                    } else {
                        assertEquals(400, response.statusCode(), () -> "round " + r + ": " + node.name() + " answered "
                                + response.body() + logs());
                        assertTokenError(response, 400, "invalid_grant");
                    }
                }
                int r = round;
                assertEquals(1, granted.size(), () -> "round " + r + " (code issued through " + issuer.name()
                        + "): tokens issued for one code, by " + granted.stream().map(PayaraMicroProcess::name).toList());
                winners.merge("code issued through " + issuer.name() + ", redeemed at " + granted.get(0).name(), 1,
                        Integer::sum);
                if (granted.get(0) != issuer) {
                    redeemedElsewhere++;
                }

                // The losers presented a used code: the token issued from it has ended, at either node.
                for (PayaraMicroProcess node : List.of(a, b)) {
                    HttpResponse<String> balance = api(node).withBearer("account/balance", accessToken);
                    assertEquals(401, balance.statusCode(), () -> "round " + r + ": the access token issued for a code "
                            + "presented 20 times still works at " + node.name() + ": " + balance.body());
                }
            }
        } finally {
            threads.shutdownNow();
            System.out.println("ClusterIT: " + ROUNDS + " codes, each redeemed by " + 2 * THREADS_PER_NODE
                    + " threads at once: " + winners);
        }
        // Half the threads ask the node that did not issue the code: a code of the cluster is won there too.
        int elsewhere = redeemedElsewhere;
        assertTrue(elsewhere > 0, () -> "in " + ROUNDS + " rounds no code was redeemed at the node that had "
                + "not issued it: " + winners);
    }

    // RFC 7009 §2.2: a revoked access token is invalid at once, at every node.
    @Test
    @Order(6)
    void whenAnAccessTokenIsRevokedAtNodeBThenNodeARefusesItAtItsNextRequest() {
        String accessToken = tokens(a).sandboxTokens(browser(a).sandboxCode("dave")).getString("access_token");
        assertEquals(200, api(a).withBearer("account/balance", accessToken).statusCode(), "before the revocation");

        HttpResponse<String> revoked = TokenEndpoints.revoke(api(b), accessToken);
        assertEquals(200, revoked.statusCode(), revoked.body());

        HttpResponse<String> after = api(a).withBearer("account/balance", accessToken);
        assertEquals(401, after.statusCode(), () -> "node A still accepts the access token revoked at node B: "
                + after.body() + logs());
        assertBearerError(after, 401, "invalid_token");
    }

    @Test
    @Order(7)
    void whenTheAppRevokesTheConsentAtNodeBThenNodeARefusesItsAccessAndRefreshTokens() {
        JsonObject issued = promptedTokensThroughNodeA();
        String consentId = issued.getString("consent_id");

        HttpResponse<String> deleted = api(b).delete("account/consents/" + consentId,
                "Authorization", Api.basic(SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET));
        assertEquals(204, deleted.statusCode(), deleted.body());

        assertTokensRefusedAtNodeA(issued, "the app revoked the consent at node B");
    }

    @Test
    @Order(8)
    void whenTheCustomerRevokesTheConsentOnTheDashboardAtNodeBThenNodeARefusesItsTokens() {
        JsonObject issued = promptedTokensThroughNodeA();
        String consentId = issued.getString("consent_id");

        Browser dashboard = browser(b);
        Browser.Page list = ConsentIT.dashboard(dashboard, b.base(), "dave");
        Element section = ConsentIT.section(list, consentId);
        Browser.Page detail = dashboard.submit(list, "consents", ConsentIT.revokeButton(section), Map.of());
        assertEquals(200, detail.status(), detail.body());
        assertEquals("REVOKED", ConsentIT.section(detail, consentId).attr("data-status"));

        assertTokensRefusedAtNodeA(issued, "the customer revoked the consent on node B's dashboard");
    }

    /**
     * Failed logins count across the nodes. They are made over IPv6 loopback ([::1]): failures count against the
     * source address too, and this keeps 127.0.0.1, from which the other tests log in, out of the cool-down.
     */
    @Test
    @Order(9)
    void whenFiveLoginsOfOneAccountFailAcrossBothNodesThenTheNextOnEitherNodeWaitsOutTheCoolDown() {
        Browser atA = new Browser(a.ipv6Base(), HTTP);
        Browser atB = new Browser(b.ipv6Base(), HTTP);
        List<PayaraMicroProcess> failures = List.of(a, a, a, b, b);
        for (int i = 0; i < failures.size(); i++) {
            PayaraMicroProcess node = failures.get(i);
            Browser.Page refused = logIn(node == a ? atA : atB, "jane", "");
            int attempt = i + 1;
            assertEquals("The user name or password is not right.", alert(refused),
                    () -> "failed login " + attempt + ", at " + node.name() + ": " + refused.body());
        }

        // The sixth attempt, at either node, with a password the sandbox accepts: jane waits all the same.
        for (PayaraMicroProcess node : List.of(a, b)) {
            Browser.Page sixth = logIn(node == a ? atA : atB, "jane", "any password");
            assertTrue(alert(sixth).startsWith("Too many failed attempts. Try again in "), () -> node.name()
                    + " did not cool jane down after 5 failed logins (3 at node A, 2 at node B); it answered: \""
                    + alert(sixth) + "\"" + (sixth.document().getElementById("consent") != null
                    ? " and showed the consent page" : "") + logs());
            assertNull(sixth.document().getElementById("consent"));
        }
    }

    /**
     * Node A dies without a word (kill -9). Node B goes on with everything A had issued, and a node C started
     * afterwards joins B and serves the same tokens. Access tokens live 60 seconds while node C boots, so node C is
     * asked about those still within 50 seconds of their issue, and about one node B issues once C is up.
     */
    @Test
    @Order(10)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void whenNodeAIsKilledThenNodeBAndANodeJoiningAfterServeEveryTokenIssuedBefore() {
        List<Issued> beforeTheKill = new ArrayList<>();
        Browser atA = browser(a);
        for (int i = 0; i < GRANTS_BEFORE_THE_KILL; i++) {
            JsonObject tokens = tokens(a).sandboxTokens(atA.sandboxCode("dave"));
            assertEquals(200, api(a).withBearer("account/balance", tokens.getString("access_token")).statusCode());
            beforeTheKill.add(new Issued("node A", tokens, Instant.now()));
        }

        a.kill();
        Instant killed = Instant.now();
        HttpResponse<String> first;
        try {
            first = api(b).withBearer("account/balance", beforeTheKill.get(0).accessToken());
        } catch (UncheckedIOException e) {
            throw new AssertionError("node B gave no answer within " + HTTP + " after node A was killed: " + e + logs());
        }
        Duration firstAnswer = Duration.between(killed, Instant.now());
        System.out.println("ClusterIT: node B answered its first request " + firstAnswer.toMillis()
                + " ms after node A was killed (kill -9), with " + first.statusCode());
        // Node C boots while node B is asked.
        Instant launched = Instant.now();
        c = PayaraMicroProcess.launch(member(2, "C"));

        Expectations expect = new Expectations();
        List<Issued> rotatedAtB = new ArrayList<>();
        for (int i = 0; i < beforeTheKill.size(); i++) {
            Issued issued = beforeTheKill.get(i);
            int grant = i + 1;
            HttpResponse<String> balance = i == 0 ? first : api(b).withBearer("account/balance", issued.accessToken());
            expect.that(balance.statusCode() == 200, () -> "grant " + grant + "'s access token, issued by node A, "
                    + "refused at node B after the kill: " + balance.statusCode() + " " + balance.body());
            HttpResponse<String> refreshed = tokens(b).refresh(issued.refreshToken());
            expect.that(refreshed.statusCode() == 200, () -> "grant " + grant + "'s refresh token, issued by node A, "
                    + "refused at node B after the kill: " + refreshed.statusCode() + " " + refreshed.body());
            if (refreshed.statusCode() == 200) {
                rotatedAtB.add(new Issued("node B, by a refresh after the kill", Api.json(refreshed), Instant.now()));
            }
        }
        Issued newAtB = null;
        try {
            newAtB = new Issued("node B, after the kill", tokens(b).sandboxTokens(browser(b).sandboxCode("dave")),
                    Instant.now());
        } catch (AssertionError e) {
            expect.that(false, () -> "node B could not issue tokens through a browser flow after the kill: "
                    + e.getMessage());
        }

        c.awaitReady();
        c.awaitGridMembers(2, GRID_CHANGE);
        System.out.println("ClusterIT: node C joined node B " + Duration.between(launched, Instant.now()).toSeconds()
                + " s after it was started");
        try {
            JsonObject store = tokenStore(c);
            expect.that("grid".equals(store.getJsonObject("data").getString("store", null))
                    && HealthIT.data(store, "members") == 2, () -> "node C's token store, with node B: " + store);
        } catch (AssertionError e) {
            expect.that(false, e::getMessage);
        }
        List<Issued> forNodeC = new ArrayList<>(beforeTheKill);
        forNodeC.addAll(rotatedAtB);
        if (newAtB != null) {
            // Node B issues a fresh access token by a refresh; node C must know it and rotate the refresh token.
            HttpResponse<String> refreshed = tokens(b).refresh(newAtB.refreshToken());
            expect.that(refreshed.statusCode() == 200, () -> "node B refused to refresh its own grant once node C had "
                    + "joined: " + refreshed.statusCode() + " " + refreshed.body());
            if (refreshed.statusCode() == 200) {
                Issued fresh = new Issued("node B, by a refresh once node C had joined", Api.json(refreshed),
                        Instant.now());
                forNodeC.add(fresh);
                HttpResponse<String> rotated = tokens(c).refresh(fresh.refreshToken());
                expect.that(rotated.statusCode() == 200, () -> "node C refused the refresh token node B issued: "
                        + rotated.statusCode() + " " + rotated.body());
            }
        }
        int tooOld = 0;
        for (Issued issued : forNodeC) {
            if (Duration.between(issued.at(), Instant.now()).compareTo(Duration.ofSeconds(50)) > 0) {
                tooOld++;
                continue;
            }
            HttpResponse<String> balance = api(c).withBearer("account/balance", issued.accessToken());
            expect.that(balance.statusCode() == 200, () -> "node C refused an access token issued by " + issued.by()
                    + ": " + balance.statusCode() + " " + balance.body());
        }
        System.out.println("ClusterIT: node C was asked about " + (forNodeC.size() - tooOld) + " access tokens ("
                + tooOld + " were more than 50 s old)");
        expect.verify("After node A was killed (node B's first answer came " + firstAnswer.toMillis() + " ms later)");
    }

    /** Tokens a node issued, and when. */
    private record Issued(String by, JsonObject tokens, Instant at) {

        String accessToken() {
            return tokens.getString("access_token");
        }

        String refreshToken() {
            return tokens.getString("refresh_token");
        }
    }

    /** Checks that may all be made before the test fails, so that one run tells every one that failed. */
    private static final class Expectations {

        private final List<String> failed = new ArrayList<>();

        void that(boolean met, Supplier<String> otherwise) {
            if (!met) {
                failed.add(otherwise.get());
            }
        }

        void verify(String heading) {
            if (!failed.isEmpty()) {
                fail(heading + ":\n- " + String.join("\n- ", failed) + logs());
            }
        }
    }

    /** dave allows the sandbox app on the consent page (a consent of its own) through node A; node A's tokens. */
    private static JsonObject promptedTokensThroughNodeA() {
        String code = browser(a).code(sandboxRequest("prompt", "consent"), "dave");
        JsonObject issued = tokens(a).sandboxTokens(code);
        assertEquals(200, api(a).withBearer("account/balance", issued.getString("access_token")).statusCode(),
                "before the revocation");
        return issued;
    }

    private static void assertTokensRefusedAtNodeA(JsonObject issued, String after) {
        HttpResponse<String> balance = api(a).withBearer("account/balance", issued.getString("access_token"));
        assertEquals(401, balance.statusCode(), () -> "node A still accepts the access token after " + after + ": "
                + balance.body() + logs());
        assertBearerError(balance, 401, "invalid_token");
        HttpResponse<String> refreshed = tokens(a).refresh(issued.getString("refresh_token"));
        assertEquals(400, refreshed.statusCode(), () -> "node A still rotates the refresh token after " + after + ": "
                + refreshed.body() + logs());
        assertTokenError(refreshed, 400, "invalid_grant");
    }

    /** The token-store check of a node's readiness. */
    private static JsonObject tokenStore(PayaraMicroProcess node) {
        HttpResponse<String> response = api(node).get("health/ready", "Accept", "application/json");
        assertEquals(200, response.statusCode(), () -> node.name() + "'s /health/ready: " + response.body());
        JsonObject health = Api.json(response);
        boolean listed = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .anyMatch(check -> "token-store".equals(check.getString("name")));
        assertTrue(listed, () -> node.name() + "'s /health/ready has no check named token-store: " + response.body());
        return HealthIT.check(health, "token-store");
    }

    /** Opens the login page for the sandbox app and logs in. */
    private static Browser.Page logIn(Browser browser, String username, String password) {
        Browser.Page login = browser.authorize(sandboxRequest("prompt", "consent"));
        assertNotNull(login.document().getElementById("login"), () -> "no login page: " + login.body());
        return browser.logIn(login, username, password);
    }

    private static String alert(Browser.Page page) {
        return page.document().select(".alert").text();
    }

    private static Api api(PayaraMicroProcess node) {
        return new Api(node.base(), HTTP);
    }

    private static Browser browser(PayaraMicroProcess node) {
        return new Browser(node.base(), HTTP);
    }

    private static TokenCalls tokens(PayaraMicroProcess node) {
        return new TokenCalls(api(node));
    }

    /** Where the browser went, and the page it ended on. */
    private static String journey(Browser browser, Browser.Page page) {
        return "\n" + String.join("\n", browser.trail()) + "\n" + page.status() + " " + page.uri() + "\n"
                + page.document().select("main, body").first().text() + logs();
    }

    /** The end of each node's log, for a failure message. */
    private static String logs() {
        return Stream.of(a, b, c).filter(node -> node != null)
                .map(node -> "\n--- " + node.name() + (node.isAlive() ? "" : " (stopped)") + ", end of its log ---\n"
                        + node.tail())
                .collect(Collectors.joining());
    }
}
