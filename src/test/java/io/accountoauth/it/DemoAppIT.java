package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo app at /demo: a registered client of its own that walks the real flow over HTTP and shows each
 * step, with its secrets masked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoAppIT extends DeployedWar {

    /** As long as a code, token, verifier or secret of 256 bits in base64url, or longer. */
    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9_-]{43,}");
    /** Random base64url has capitals or digits; the long names in the metadata, such as *_supported, have none. */
    private static final Pattern RANDOM_LOOKING = Pattern.compile(".*[A-Z0-9].*");
    private static final Pattern CONSENT_ID = Pattern.compile("\"consent_id\": \"([A-Za-z0-9_-]+)\"");
    private static final List<String> FIRST_STEPS = List.of("authorize", "login", "callback", "token", "balance", "info");
    private static final List<String> FAPI_STEPS = List.of("par", "authorize", "login", "callback", "token", "token",
            "introspection", "balance", "info");
    /** Public values the page shows in full: JWK coordinates, thumbprints, nonces, pushed requests' references. */
    private static final Pattern PUBLIC_MEMBER = Pattern.compile(
            "\"(x|y|kid|jkt|ath|nonce|request_uri|dpop_jkt)\": \"([^\"]+)\"");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    URI loopback;
    final List<Browser.Page> demoPages = new ArrayList<>();

    @BeforeEach
    void setUp() {
        loopback = server();
        api.resetClock();
    }

    // First in this class: no customer has allowed the demo app yet, so the bank asks for consent.
    @Test
    @Order(1)
    void whenTheCustomerDeniesThenTheDemoShowsAccessDeniedAndOffersToStartOver() {
        Browser.Page afterLogin = browser.logIn(pressConnect(openDemo()), "jane", "any password");
        assertNotNull(afterLogin.document().getElementById("consent"), afterLogin.body());

        Browser.Page page = demoPage(browser.decide(afterLogin, "deny"));

        Document document = page.document();
        assertTrue(document.select("p.alert").text().contains("access_denied"), document.select("main").text());
        assertEquals(List.of("authorize", "login", "callback"), kinds(document));
        assertTrue(document.selectFirst("#steps > li.step-login").hasClass("failed"));
        assertEquals("access_denied", document.selectFirst("#steps > li.step-callback td[data-param=error]").text());
        assertNotNull(document.getElementById("demo:startOver"));
        assertNotNull(document.getElementById("demo:connect"));
        assertTrue(document.select(".balance").isEmpty());
        assertNoSecrets(page);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"dave|Dave Thompson|10,187.91", "jane|Jane Hamamoto|981,719.23"})
    @Order(2)
    void whenACustomerConnectsThenTheDemoShowsTheirBalanceAndEveryStep(String username, String fullname,
            String balance) {
        Document document = connect(username).document();

        assertEquals(balance, document.selectFirst(".balance").text());
        assertEquals(fullname + " (" + username + ")", document.selectFirst("section.account .owner").text());
        Elements steps = document.select("#steps > li.step");
        assertEquals(FIRST_STEPS, kinds(document));
        for (Element step : steps) {
            assertTrue(step.hasClass("ok"), step.text());
            assertTrue(step.selectFirst("p.check").text().length() > 60, step.text());
        }
        assertTrue(step(document, "callback").selectFirst("p.check").text().startsWith("Checked by the app:"));
        assertTrue(step(document, "token").selectFirst("p.check").text().startsWith("Checked by the bank:"));

        Element authorize = step(document, "authorize");
        assertEquals("code", param(authorize, "response_type"));
        assertEquals(loopback.resolve("demo/callback").toString(), param(authorize, "redirect_uri"));
        assertEquals("S256", param(authorize, "code_challenge_method"));
        assertTrue(authorize.selectFirst("pre.request-line").text().startsWith("GET " + loopback + "account/authorize?"));
        Element token = step(document, "token");
        assertTrue(token.selectFirst("pre.request-line").text().startsWith("POST " + loopback + "account/token"));
        assertEquals("authorization_code", param(token, "grant_type"));
        assertEquals("200 OK", token.selectFirst("pre.status-line").text());
        assertEquals("200 OK", step(document, "balance").selectFirst("pre.status-line").text());
        assertTrue(step(document, "balance").selectFirst("pre.body").text().contains(balance));
        assertTrue(step(document, "info").selectFirst("pre.body").text().contains(fullname));

        assertEquals(Set.of("authorize", "login", "callback", "token", "balance", "info"),
                new HashSet<>(document.select("svg.sequence g.arrow.done").eachAttr("data-kind")));
        assertTrue(document.select("svg.sequence g.arrow[data-kind=refresh]").hasClass("arrow"));
        assertFalse(document.select("svg.sequence g.arrow[data-kind=refresh]").hasClass("done"));

        Element life = document.getElementById("token-life");
        assertTrue(Long.parseLong(life.attr("data-expires-at")) > Long.parseLong(life.attr("data-server-now")));
        long seconds = Long.parseLong(life.selectFirst(".seconds").text());
        assertTrue(seconds > 0 && seconds <= 60, "seconds left " + seconds);
        assertNotNull(document.getElementById("demo:callAgain"));
        assertNotNull(document.getElementById("demo:refresh"));
    }

    @Test
    @Order(3)
    void whenTheTokenHasExpiredThenCallingAgainShows401AndRefreshGetsTheBalanceAgain() {
        Browser.Page connected = connect("dave");

        api.advanceClock(61);
        Browser.Page again = demoPage(browser.submit(connected, "demo", "demo:callAgain", Map.of()));
        Document afterExpiry = again.document();
        assertEquals(List.of("authorize", "login", "callback", "token", "balance", "info", "balance", "info"),
                kinds(afterExpiry));
        Element refused = afterExpiry.select("#steps > li.step").get(6);
        assertTrue(refused.hasClass("failed"));
        assertEquals("401 Unauthorized", refused.selectFirst("pre.status-line").text());
        assertTrue(refused.selectFirst("td[data-header=WWW-Authenticate]").text().contains("invalid_token"));
        assertTrue(refused.selectFirst("p.check").text().contains("60 seconds"));
        assertTrue(afterExpiry.getElementById("token-life").hasClass("expired"));
        assertEquals("0", afterExpiry.selectFirst("#token-life .seconds").text());
        assertTrue(afterExpiry.select("svg.sequence g.arrow[data-kind=balance]").hasClass("failed"));

        Browser.Page refreshed = demoPage(browser.submit(again, "demo", "demo:refresh", Map.of()));
        Document document = refreshed.document();
        assertEquals(List.of("authorize", "login", "callback", "token", "balance", "info", "balance", "info",
                "refresh", "balance", "info"), kinds(document));
        Elements steps = document.select("#steps > li.step");
        Element refresh = steps.get(8);
        assertTrue(refresh.hasClass("ok"), refresh.text());
        assertEquals("refresh_token", param(refresh, "grant_type"));
        assertEquals("200 OK", refresh.selectFirst("pre.status-line").text());
        assertTrue(refresh.selectFirst(".response pre.body").text().contains("\"refresh_token\""));
        assertTrue(refresh.selectFirst("p.check").text().contains("new refresh token"));
        assertTrue(steps.get(9).hasClass("ok") && steps.get(10).hasClass("ok"));
        assertEquals("10,187.91", document.selectFirst(".balance").text());
        assertFalse(document.getElementById("token-life").hasClass("expired"));
        assertTrue(document.select("svg.sequence g.arrow[data-kind=refresh]").hasClass("done"));
        assertTrue(document.select("svg.sequence g.arrow[data-kind=balance]").hasClass("done"));

        Browser.Page over = demoPage(browser.submit(refreshed, "demo", "demo:startOver", Map.of()));
        assertTrue(kinds(over.document()).isEmpty());
        assertNotNull(over.document().getElementById("demo:connect"));

        demoPages.forEach(DemoAppIT::assertNoSecrets);
    }

    @Test
    @Order(4)
    void whenTheDemoRunsThenItsPagesShowSecretsOnlyMaskedAndCarryNoInlineScript() {
        Browser.Page connected = connect("jane");
        demoPage(browser.submit(connected, "demo", "demo:refresh", Map.of()));

        String body = connected.body();
        Pattern masked = Pattern.compile("[A-Za-z0-9_-]{4}…\\(43 chars\\)");
        Document document = connected.document();
        assertTrue(masked.matcher(param(step(document, "callback"), "code")).matches());
        assertTrue(masked.matcher(param(step(document, "token"), "code_verifier")).matches());
        assertTrue(step(document, "token").selectFirst("td[data-header=Authorization]").text()
                .matches("Basic [A-Za-z0-9+/=]{4}…\\(\\d+ chars\\)"));
        assertTrue(step(document, "balance").selectFirst("td[data-header=Authorization]").text()
                .matches("Bearer [A-Za-z0-9_-]{4}…\\(43 chars\\)"));
        assertTrue(Pattern.compile("\"access_token\": \"[A-Za-z0-9_-]{4}…\\(43 chars\\)\"").matcher(body).find(), body);
        assertTrue(Pattern.compile("\"refresh_token\": \"[A-Za-z0-9_-]{4}…\\(43 chars\\)\"").matcher(body).find());
        assertTrue(Pattern.compile("\"client_secret\": \"[A-Za-z0-9_-]{4}…\\(43 chars\\)\"").matcher(body).find());

        assertFalse(demoPages.isEmpty());
        for (Browser.Page page : demoPages) {
            assertNoSecrets(page);
            assertNoInlineScript(page);
        }
    }

    @Test
    @Order(5)
    void whenOpenedWithOrWithoutTheSlashThenTheDemoPageAnswersAndIsNotCached() {
        Browser.Page withSlash = openDemo();
        Browser.Page withoutSlash = demoPage(browser.open(loopback.resolve("demo")));
        for (Browser.Page page : List.of(withSlash, withoutSlash)) {
            assertEquals(200, page.status(), page.uri() + " " + page.body());
            assertEquals("no-store", page.response().headers().firstValue("Cache-Control").orElse(null));
            assertNotNull(page.document().getElementById("demo:connect"), page.body());
            assertTrue(page.document().select("svg.sequence g.arrow.done").isEmpty());
        }
        assertTrue(browser.open(loopback.resolve("static/demo.js")).body().contains("token-life"));
    }

    // RFC 6749 §10.12: an answer the app did not ask for in this browser is not used.
    @Test
    @Order(6)
    void whenACallbackArrivesWithoutARequestThenTheAppIgnoresIt() {
        openDemo();
        Browser.Page page = demoPage(browser.open(loopback.resolve("demo/callback?code=forged&state=forged")));
        Document document = page.document();
        assertEquals(List.of("callback"), kinds(document));
        assertTrue(document.selectFirst("#steps > li.step-callback").hasClass("failed"));
        assertTrue(document.select(".balance").isEmpty());
    }

    @Test
    @Order(7)
    void whenTheStateDoesNotMatchThenTheAppStopsBeforeTheTokenRequest() {
        Browser.Page login = pressConnect(openDemo());
        Browser.Page page = demoPage(browser.open(loopback.resolve("demo/callback?code=forged&state=another")));
        Document document = page.document();
        assertEquals(List.of("authorize", "callback"), kinds(document));
        assertTrue(step(document, "callback").selectFirst("p.check").text().contains("does not match"));
        assertNotNull(login.document().getElementById("login"));
    }

    // The browser reaches the bank at localhost, the app at 127.0.0.1: the issuer is the one the browser sees.
    @Test
    @Order(8)
    void whenTheBrowserUsesLocalhostThenTheAppChecksIssAgainstTheIssuerTheBrowserSees() throws Exception {
        URI localhost = new URI("http", null, "localhost", loopback.getPort(), "/", null, null);
        browser = new Browser(localhost);
        Browser.Page start = demoPage(browser.open(localhost.resolve("demo/")));
        Browser.Page login = browser.submit(start, "demo", "demo:connect", Map.of());
        Browser.Page page = demoPage(browser.allowIfShown(browser.logIn(login, "dave", "any password")));

        Document document = page.document();
        assertEquals(FIRST_STEPS, kinds(document));
        assertEquals("10,187.91", document.selectFirst(".balance").text());
        Element callback = step(document, "callback");
        assertEquals("http://localhost:" + loopback.getPort(), param(callback, "iss"));
        assertTrue(callback.hasClass("ok"));
        assertEquals("http://localhost:" + loopback.getPort() + "/demo/callback",
                param(step(document, "authorize"), "redirect_uri"));
        assertTrue(step(document, "token").selectFirst("pre.request-line").text()
                .startsWith("POST " + loopback + "account/token"));
        assertNoSecrets(page);
    }

    /*
     * The demo registers once for the bank it talks to, never for a Host header a request brings: ten Connects
     * claiming ten hosts register nothing, and customers at any loopback host and port are served by the one
     * registration.
     */
    @Test
    @Order(9)
    void whenConnectsClaimOtherHostsThenTheDemoRegistersNothingMore() throws Exception {
        connect("jane");
        int registered = registeredApps();
        browser = new Browser(loopback);
        Browser.Page demo = openDemo();
        RawHttp raw = new RawHttp(loopback);
        String action = demo.uri().resolve(demo.document().getElementById("demo").attr("action")).getRawPath();
        for (int port = 1001; port <= 1010; port++) {
            RawHttp.Request connect = new RawHttp.Request("POST", action).withoutHost()
                    .header("Host", "localhost:" + port)
                    .header("Cookie", browser.cookieHeader())
                    .body("application/x-www-form-urlencoded", Browser.form(connectForm(demo)));
            RawHttp.Response answer = raw.send(connect);
            assertEquals(303, answer.status(), answer.toString());
        }
        RawHttp.Response elsewhere = raw.send(new RawHttp.Request("POST", action).withoutHost()
                .header("Host", "evil.example")
                .header("Cookie", browser.cookieHeader())
                .body("application/x-www-form-urlencoded", Browser.form(connectForm(demo))));
        assertEquals(303, elsewhere.status(), elsewhere.toString());
        assertEquals(registered, registeredApps(), "no registration for any Host a request claimed");

        Browser.Page message = demoPage(browser.open(loopback.resolve("demo/")));
        assertTrue(message.document().text().contains("The demo app is registered with the bank for the callbacks"),
                message.document().text());

        URI localhost = new URI("http", null, "localhost", loopback.getPort(), "/", null, null);
        browser = new Browser(localhost);
        Browser.Page start = demoPage(browser.open(localhost.resolve("demo/")));
        Browser.Page login = browser.submit(start, "demo", "demo:connect", Map.of());
        Browser.Page page = demoPage(browser.allowIfShown(browser.logIn(login, "dave", "any password")));
        assertEquals("10,187.91", page.document().selectFirst(".balance").text());
        assertEquals(registered, registeredApps());
    }

    /*
     * The FAPI 2.0 way: the app registers a second client with its own key, pushes the request, and proves
     * possession of its DPoP key at the token endpoint (learning the bank's nonce on the way) and at each API call;
     * the page shows each JWT it signed, decoded, and the key the bank bound the token to.
     */
    @Test
    @Order(10)
    void whenACustomerConnectsWithFapi2ThenTheAppPushesAuthenticatesWithItsKeyAndBindsTheTokenToItsProofs()
            throws Exception {
        Document document = connectFapi("dave").document();

        assertEquals("10,187.91", document.selectFirst(".balance").text());
        assertEquals(FAPI_STEPS, kinds(document));
        String issuer = loopback.toString().replaceAll("/$", "");

        Element par = step(document, "par");
        assertTrue(par.hasClass("ok"), par.text());
        assertTrue(par.selectFirst("pre.request-line").text().equals("POST " + issuer + "/account/par"));
        assertEquals("S256", param(par, "code_challenge_method"));
        assertEquals("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", param(par, "client_assertion_type"));
        assertTrue(param(par, "client_assertion").matches("eyJ[A-Za-z0-9_-]…\\(\\d+ chars\\)"),
                param(par, "client_assertion"));
        assertEquals("201 Created", par.selectFirst("pre.status-line").text());
        String clientId = param(step(document, "authorize"), "client_id");
        JsonObject[] assertion = jwt(par, 0);
        assertEquals("ES256", assertion[0].getString("alg"));
        assertFalse(assertion[0].getString("kid").isEmpty());
        assertEquals(clientId, assertion[1].getString("iss"));
        assertEquals(clientId, assertion[1].getString("sub"));
        assertEquals(issuer, assertion[1].getString("aud"));
        assertTrue(assertion[1].getJsonNumber("exp").longValue() - assertion[1].getJsonNumber("iat").longValue() <= 60);
        assertTrue(par.selectFirst(".jwt-signature code").text().matches("[A-Za-z0-9_-]{4}…\\(86 chars\\)"));
        JsonObject pushed = parsed(par.selectFirst(".response pre.body").text());
        String requestUri = pushed.getString("request_uri");
        assertTrue(requestUri.startsWith("urn:ietf:params:oauth:request_uri:"), requestUri);
        assertEquals(60, pushed.getInt("expires_in"));

        Element authorize = step(document, "authorize");
        assertEquals(List.of("client_id", "request_uri"), authorize.select("td[data-param]").eachAttr("data-param"));
        assertEquals(clientId, param(authorize, "client_id"));
        assertEquals(requestUri, param(authorize, "request_uri"));

        Elements tokens = document.select("#steps > li.step-token");
        Element askedForNonce = tokens.get(0);
        assertTrue(askedForNonce.hasClass("ok"), askedForNonce.text());
        assertEquals("400 Bad Request", askedForNonce.selectFirst("pre.status-line").text());
        assertTrue(askedForNonce.selectFirst(".response pre.body").text().contains("use_dpop_nonce"));
        String nonce = askedForNonce.selectFirst("td[data-header=DPoP-Nonce]").text();
        assertFalse(jwt(askedForNonce, 1)[1].containsKey("nonce"));
        Element token = tokens.get(1);
        assertEquals("200 OK", token.selectFirst("pre.status-line").text());
        assertTrue(token.selectFirst(".response pre.body").text().contains("\"token_type\": \"DPoP\""));
        assertTrue(token.selectFirst("td[data-header=DPoP]").text().matches("eyJ[A-Za-z0-9_-]…\\(\\d+ chars\\)"));
        assertEquals("Client assertion (the client_assertion parameter), decoded",
                token.select(".jwt h4").get(0).text());
        JsonObject[] proof = jwt(token, 1);
        assertEquals("dpop+jwt", proof[0].getString("typ"));
        assertEquals("ES256", proof[0].getString("alg"));
        assertFalse(proof[0].getJsonObject("jwk").containsKey("d"), "the public key only");
        assertEquals("POST", proof[1].getString("htm"));
        assertEquals(issuer + "/account/token", proof[1].getString("htu"));
        assertEquals(nonce, proof[1].getString("nonce"));
        assertNotEquals(assertion[1].getString("jti"), jwt(token, 0)[1].getString("jti"));
        String thumbprint = JWK.parse(proof[0].getJsonObject("jwk").toString()).computeThumbprint().toString();
        assertEquals(thumbprint, param(par, "dpop_jkt"));

        Element introspection = step(document, "introspection");
        assertTrue(introspection.hasClass("ok"), introspection.text());
        JsonObject described = parsed(introspection.selectFirst(".response pre.body").text());
        assertTrue(described.getBoolean("active"));
        assertEquals(thumbprint, described.getJsonObject("cnf").getString("jkt"));
        assertTrue(introspection.selectFirst("p.check").text().contains(thumbprint));

        Element balance = step(document, "balance");
        assertTrue(balance.selectFirst("td[data-header=Authorization]").text()
                .matches("DPoP [A-Za-z0-9_-]{4}…\\(43 chars\\)"));
        JsonObject[] apiProof = jwt(balance, 0);
        assertEquals(proof[0].getJsonObject("jwk"), apiProof[0].getJsonObject("jwk"));
        assertEquals("GET", apiProof[1].getString("htm"));
        assertEquals(issuer + "/account/balance", apiProof[1].getString("htu"));
        assertEquals(43, apiProof[1].getString("ath").length());
        assertEquals(issuer + "/account/info", jwt(step(document, "info"), 0)[1].getString("htu"));
        for (Element step : document.select("#steps > li.step")) {
            assertTrue(step.hasClass("ok"), step.text());
        }

        assertEquals(Set.of("par", "authorize", "login", "callback", "token", "introspection", "balance", "info"),
                new HashSet<>(document.select("svg.sequence g.arrow.done").eachAttr("data-kind")));
        assertTrue(document.select("svg.sequence text").eachText().stream().anyMatch(t -> t.contains("/par")));

        Element registration = document.selectFirst(".setup-steps > li.step-registration");
        String registered = registration.selectFirst(".request pre.body").text();
        assertTrue(registered.contains("\"private_key_jwt\"") && registered.contains("\"jwks\""), registered);
        assertTrue(registered.contains("\"require_pushed_authorization_requests\": true"), registered);
        assertTrue(registered.contains("\"dpop_bound_access_tokens\": true"), registered);
        assertFalse(document.body().text().contains("\"d\":"), "no private key on the page");
        assertFalse(registration.selectFirst(".response pre.body").text().contains("client_secret"));
        assertEquals(clientId, document.selectFirst("code.client-id").text());

        demoPages.forEach(DemoAppIT::assertNoSecrets);
        demoPages.forEach(DemoAppIT::assertNoInlineScript);
    }

    @Test
    @Order(11)
    void whenTheFapiTokenExpiresThenTheApiSaysSoUnderDPoPAndRefreshKeepsTheRefreshTokenAndBindsTheNewOne() {
        Browser.Page connected = connectFapi("jane");
        String refreshToken = maskedMember(step(connected.document(), "introspection").previousElementSibling(),
                "refresh_token");

        api.advanceClock(61);
        Browser.Page again = demoPage(browser.submit(connected, "demo", "demo:callAgain", Map.of()));
        Element refused = again.document().select("#steps > li.step-balance").last();
        assertEquals("401 Unauthorized", refused.selectFirst("pre.status-line").text());
        assertTrue(refused.selectFirst("td[data-header=WWW-Authenticate]").text().startsWith("DPoP "),
                refused.text());

        Document document = demoPage(browser.submit(again, "demo", "demo:refresh", Map.of())).document();
        Element refresh = document.select("#steps > li.step-refresh").last();
        assertTrue(refresh.hasClass("ok"), refresh.text());
        assertEquals("refresh_token", param(refresh, "grant_type"));
        assertEquals(refreshToken, maskedMember(refresh, "refresh_token"));
        assertTrue(refresh.selectFirst("p.check").text().contains("does not rotate"), refresh.text());
        assertEquals("dpop+jwt", jwt(refresh, 1)[0].getString("typ"));
        assertTrue(document.select("#steps > li.step").last().hasClass("ok"));
        assertEquals("981,719.23", document.selectFirst(".balance").text());

        // Two minutes on, other apps' calls have moved the bank's nonce on twice: both nonces the app holds are
        // stale, and the token endpoint and the API each ask for theirs
        for (int i = 0; i < 2; i++) {
            api.advanceClock(61);
            assertTrue(api.get("account/balance", "Authorization", "DPoP another-apps-token").headers()
                    .firstValue("DPoP-Nonce").isPresent());
        }
        Browser.Page later = demoPage(browser.submit(demoPage(browser.open(loopback.resolve("demo/"))), "demo",
                "demo:refresh", Map.of()));
        List<String> kinds = kinds(later.document());
        assertEquals(List.of("refresh", "refresh", "balance", "balance", "info"), kinds.subList(kinds.size() - 5,
                kinds.size()));
        Elements last = later.document().select("#steps > li.step");
        Element tokenAsks = last.get(last.size() - 5);
        assertTrue(tokenAsks.selectFirst(".response pre.body").text().contains("use_dpop_nonce"), tokenAsks.text());
        Element apiAsks = last.get(last.size() - 3);
        assertEquals("401 Unauthorized", apiAsks.selectFirst("pre.status-line").text());
        assertTrue(apiAsks.selectFirst("td[data-header=WWW-Authenticate]").text().contains("use_dpop_nonce"));
        String apiNonce = apiAsks.selectFirst("td[data-header=DPoP-Nonce]").text();
        assertEquals(apiNonce, jwt(last.get(last.size() - 2), 0)[1].getString("nonce"));
        for (Element step : last.subList(last.size() - 5, last.size())) {
            assertTrue(step.hasClass("ok"), step.text());
        }

        Document over = demoPage(browser.submit(later, "demo", "demo:startOver", Map.of())).document();
        assertNotNull(over.getElementById("demo:connectFapi"));
        assertEquals(FIRST_STEPS, kinds(connect("jane").document()), "the plain way again after the FAPI one");
        demoPages.forEach(DemoAppIT::assertNoSecrets);
    }

    /** The Connect form's fields as a browser posts them. */
    private static List<Map.Entry<String, String>> connectForm(Browser.Page demo) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(Browser.fieldsOf(demo, "demo"));
        fields.add(Map.entry("demo:connect", demo.document().select("[name=\"demo:connect\"]").attr("value")));
        return fields;
    }

    /** How many apps the bank has registered: its readiness check counts them. */
    private int registeredApps() {
        JsonObject health = Api.json(api.get("health/ready"));
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("database"))
                .findFirst().orElseThrow().getJsonObject("data").get("clients").toString().replace("\"", "")
                .transform(Integer::parseInt);
    }

    private Browser.Page openDemo() {
        return demoPage(browser.open(loopback.resolve("demo/")));
    }

    /** Presses Connect; the browser follows the redirect to the bank, which asks the customer to log in. */
    private Browser.Page pressConnect(Browser.Page demo) {
        Browser.Page login = browser.submit(demo, "demo", "demo:connect", Map.of());
        assertNotNull(login.document().getElementById("login"), login.uri() + "\n" + login.body());
        return login;
    }

    /** As {@link #connect}, pressing "Connect with FAPI 2.0". */
    private Browser.Page connectFapi(String username) {
        Browser.Page login = browser.submit(openDemo(), "demo", "demo:connectFapi", Map.of());
        assertNotNull(login.document().getElementById("login"), login.uri() + "\n" + login.body());
        return demoPage(browser.allowIfShown(browser.logIn(login, username, "any password")));
    }

    /** The n-th JWT a step shows decoded: its header and its claims. */
    private static JsonObject[] jwt(Element step, int n) {
        Element jwt = step.select(".jwt").get(n);
        return new JsonObject[] {parsed(jwt.selectFirst("pre.jwt-header").text()),
                parsed(jwt.selectFirst("pre.jwt-claims").text())};
    }

    private static JsonObject parsed(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** A member of a step's response body, as the page shows it (masked). */
    private static String maskedMember(Element step, String name) {
        return parsed(step.selectFirst(".response pre.body").text()).getString(name);
    }

    /** The whole flow from the demo's page: Connect, log in, allow when asked, back at the demo's page. */
    private Browser.Page connect(String username) {
        Browser.Page afterLogin = browser.logIn(pressConnect(openDemo()), username, "any password");
        return demoPage(browser.allowIfShown(afterLogin));
    }

    private Browser.Page demoPage(Browser.Page page) {
        assertEquals(200, page.status(), page.uri() + "\n" + page.body());
        assertTrue(page.uri().getPath().startsWith("/demo"), page.uri().toString());
        demoPages.add(page);
        return page;
    }

    private static List<String> kinds(Document document) {
        return document.select("#steps > li.step").eachAttr("data-kind");
    }

    private static Element step(Document document, String kind) {
        Element step = document.selectFirst("#steps > li.step-" + kind);
        assertNotNull(step, "no " + kind + " step in " + document.select("#steps").text());
        return step;
    }

    private static String param(Element step, String name) {
        Element value = step.selectFirst("td[data-param=" + name + "]");
        assertNotNull(value, "no parameter " + name + " in " + step.text());
        return value.text();
    }

    /**
     * No code, token, verifier or secret in full: the only token-like values on the page are public
     * identifiers, shown as such: the client_id, the code_challenge and the consent_id of token responses,
     * and the page's own form token, which its forms must carry.
     */
    private static void assertNoSecrets(Browser.Page page) {
        Document document = page.document();
        Set<String> publicValues = new HashSet<>(document.select(
                "td[data-param=client_id], td[data-param=code_challenge], code.client-id, td[data-param=dpop_jkt], "
                        + "td[data-header=DPoP-Nonce]").eachText());
        for (String requestUri : document.select("td[data-param=request_uri]").eachText()) {
            String reference = requestUri.substring(requestUri.lastIndexOf(':') + 1);
            publicValues.add(reference);
            publicValues.add("3A" + reference); // in the authorization URL, after the encoded colon %3A
        }
        Matcher member = PUBLIC_MEMBER.matcher(document.text());
        while (member.find()) {
            String value = member.group(2);
            publicValues.add(value.substring(value.lastIndexOf(':') + 1));
        }
        publicValues.addAll(document.select("input[type=hidden][name=_csrf]").eachAttr("value"));
        Matcher consentId = CONSENT_ID.matcher(page.body());
        while (consentId.find()) {
            publicValues.add(consentId.group(1));
        }
        Matcher run = TOKEN_LIKE.matcher(page.body());
        while (run.find()) {
            String value = run.group();
            assertFalse(RANDOM_LOOKING.matcher(value).matches() && !publicValues.contains(value),
                    "A token-like value in full on " + page.uri() + ": " + value);
        }
    }

    private static void assertNoInlineScript(Browser.Page page) {
        Document document = page.document();
        assertTrue(document.select("script:not([src])").isEmpty(), page.body());
        for (Element script : document.select("script[src]")) {
            assertTrue(script.attr("src").startsWith("/static/"), script.outerHtml());
        }
        for (Element element : document.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertFalse(attribute.getKey().toLowerCase().startsWith("on"), element.outerHtml());
                assertFalse(attribute.getKey().equals("style"), element.outerHtml());
            }
        }
    }
}
