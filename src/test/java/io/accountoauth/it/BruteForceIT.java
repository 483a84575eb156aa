package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accountoauth.testsupport.TestClients;
import io.accountoauth.testsupport.TestPasswords;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode (one switch: sandbox.any-password=false) checks real PBKDF2 passwords, and guessing, of
 * customer passwords or of client secrets, is throttled per account, per client and per address. Its deployment
 * turns production mode on, so it runs on a server of its own, not the one the other test classes share.
 */
class BruteForceIT extends DeployedWar {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war()
                .addClass(TestPasswords.class)
                .addAsResource(new StringAsset("sandbox.any-password=false\n"
                        + "oauth.issuer=" + ISSUER + "\n"
                        + "oauth.trusted-proxies=" + PROXY + "\n"), "META-INF/microprofile-config.properties");
    }

    /** Production mode needs its issuer configured. */
    static final String ISSUER = "https://bank.example";

    /** The one address this deployment trusts as a reverse proxy. */
    static final String PROXY = "127.0.0.100";

    @BeforeEach
    void setUp() {
        // Two quiet hours: every test starts with no failure remembered.
        api.advanceClock(7200);
    }

    private Browser.Page login() {
        return browser.authorize(Map.of("client_id", TestClients.OTHER_ID, "redirect_uri", TestClients.OTHER_REDIRECT_URI,
                "prompt", "consent"));
    }

    private Browser from(int lastByte) {
        return Browser.from(server(), RawHttp.loopback(lastByte));
    }

    private static Browser.Page login(Browser browser) {
        return browser.authorize(Map.of("client_id", TestClients.OTHER_ID, "redirect_uri", TestClients.OTHER_REDIRECT_URI,
                "prompt", "consent"));
    }

    /** Logs in with this browser; the consent form, or null when the login was refused. */
    private static org.jsoup.nodes.Element consentPage(Browser browser, String user, String password) {
        return browser.logIn(login(browser), user, password).document().getElementById("consent");
    }

    private RawHttp.Response postFrom(int lastByte, String path, String form, String clientId, String secret) {
        return postFrom(lastByte, null, path, form, clientId, secret);
    }

    private RawHttp.Response postFrom(int lastByte, String forwardedFor, String path, String form, String clientId,
            String secret) {
        RawHttp.Request request = new RawHttp.Request("POST", server().getPath() + path)
                .header("Authorization", Api.basic(clientId, secret))
                .body("application/x-www-form-urlencoded", form);
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return new RawHttp(server(), RawHttp.loopback(lastByte)).send(request);
    }

    private static String message(Browser.Page page) {
        return page.document().select(".alert").text();
    }

    // Production mode means production: the seed's app, whose secret is published, is not there.
    @Test
    void whenProductionModeThenTheSandboxAppIsAbsent() {
        HttpResponse<String> authorize = api.get("account/authorize?" + Browser.form(Map.of(
                "client_id", SandboxApp.CLIENT_ID, "redirect_uri", SandboxApp.REDIRECT_URI)));
        assertEquals(400, authorize.statusCode());
        assertTrue(authorize.headers().firstValue("Location").isEmpty(), "never redirected");
        HttpResponse<String> token = api.accessToken("x", SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
        assertEquals(401, token.statusCode(), token.body());
        assertEquals("invalid_client", Api.json(token).getString("error"));
    }

    @Test
    void whenProductionModeThenTheIssuerIsTheConfiguredOneWhateverTheHost() {
        RawHttp.Response metadata = new RawHttp(server()).send(new RawHttp.Request("GET",
                server().getPath() + ".well-known/oauth-authorization-server").withoutHost()
                .header("Host", "evil.example"));
        assertTrue(metadata.text().contains("\"issuer\":\"" + ISSUER + "\""), metadata.text());
        assertTrue(metadata.headers("Vary").stream().noneMatch(v -> v.contains("Host")), metadata.toString());
    }

    @Test
    void whenProductionModeThenTheRightPasswordLogsIn() {
        Browser.Page consent = browser.logIn(login(), "dave", TestPasswords.DAVE);
        assertNotNull(consent.document().getElementById("consent"), consent.body());
    }

    @Test
    void whenProductionModeThenAnyOtherPasswordIsRefusedAsAnUnknownUserIs() {
        Browser.Page wrong = browser.logIn(login(), "dave", "not the password");
        Browser.Page unknown = browser.logIn(login(), "mallory", "not the password");
        Browser.Page noPassword = browser.logIn(login(), "jane", "any password");
        assertEquals("The user name or password is not right.", message(wrong));
        assertEquals(message(wrong), message(unknown), "the answer must not tell whether the user exists");
        assertEquals(message(wrong), message(noPassword));
        assertNotNull(wrong.document().getElementById("login"));
    }

    @Test
    void whenFiveFailuresForAnAccountThenEvenTheRightPasswordWaitsUntilTheCoolDownEnds() {
        for (int i = 0; i < 5; i++) {
            browser.logIn(login(), "dave", "guess " + i);
        }
        Browser.Page refused = browser.logIn(login(), "dave", TestPasswords.DAVE);
        assertTrue(message(refused).startsWith("Too many failed attempts. Try again in "), message(refused));
        assertNull(refused.document().getElementById("consent"));

        api.advanceClock(31);
        Browser.Page consent = browser.logIn(login(), "dave", TestPasswords.DAVE);
        assertNotNull(consent.document().getElementById("consent"), consent.body());
    }

    @Test
    void whenTenFailuresFromOneAddressThenEveryAccountWaitsThere() {
        Browser sprayer = from(7);
        for (int i = 0; i < 9; i++) {
            assertEquals("The user name or password is not right.",
                    message(sprayer.logIn(login(sprayer), "user" + i, "guess")));
        }
        assertNotNull(consentPage(from(7), "dave", TestPasswords.DAVE), "nine failures leave the address open");
        sprayer.logIn(login(sprayer), "user9", "guess");
        Browser sameAddress = from(7);
        Browser.Page refused = sameAddress.logIn(login(sameAddress), "dave", TestPasswords.DAVE);
        assertTrue(message(refused).startsWith("Too many failed attempts. Try again in "), message(refused));
        assertNotNull(consentPage(from(8), "dave", TestPasswords.DAVE), "another address is not held back");
    }

    // Nobody can lock a customer out: failures from one address hold back that address, not the customer.
    @Test
    void whenFailuresForACustomerComeFromOneAddressThenHisRightPasswordFromAnotherLogsIn() {
        Browser attacker = from(6);
        for (int i = 0; i < 5; i++) {
            attacker.logIn(login(attacker), "dave", "");
        }
        Browser.Page attackerAgain = attacker.logIn(login(attacker), "dave", TestPasswords.DAVE);
        assertTrue(message(attackerAgain).startsWith("Too many failed attempts. Try again in "), message(attackerAgain));
        assertNotNull(consentPage(from(5), "dave", TestPasswords.DAVE));
    }

    /*
     * A guesser spread over many addresses gets at most twenty checked guesses per account per hour from browsers
     * the customer never used; past them such browsers wait, without their passwords being checked, while the
     * customer's own browser, from a new address, still logs in.
     */
    @Test
    void whenAGuesserUsesManyAddressesThenTwentyGuessesAnHourAreChecked() {
        Browser customersOwn = from(20);
        assertNotNull(consentPage(customersOwn, "dave", TestPasswords.DAVE));
        int checked = 0;
        int held = 0;
        for (int address = 30; address < 36; address++) {
            Browser guesser = from(address);
            for (int i = 0; i < 5; i++) {
                String answer = message(guesser.logIn(login(guesser), "dave", "guess " + address + "." + i));
                if (answer.equals("The user name or password is not right.")) {
                    checked++;
                } else if (answer.startsWith("Too many failed attempts for this user from other browsers.")) {
                    held++;
                }
            }
        }
        assertEquals(20, checked, "guesses checked in the hour");
        assertEquals(10, held, "guesses held back unchecked");

        // Even the right password is not checked from a browser dave never used: it would tell the guesser
        Browser fresh = from(40);
        Browser.Page newBrowser = fresh.logIn(login(fresh), "dave", TestPasswords.DAVE);
        assertTrue(message(newBrowser).startsWith("Too many failed attempts for this user from other browsers. "
                + "Log in from a browser you have used before, or try again in "), message(newBrowser));
        assertNull(newBrowser.document().getElementById("consent"));

        // Dave's own browser, now on another address, is not held back by anyone else's failures
        customersOwn.moveTo(RawHttp.loopback(21));
        assertNotNull(consentPage(customersOwn, "dave", TestPasswords.DAVE));

        api.advanceClock(3601);
        assertNotNull(consentPage(from(41), "dave", TestPasswords.DAVE), "an hour later, any browser again");
    }

    @Test
    void whenUnknownAccountsAreGuessedThenTheyCoolDownAsKnownOnesDo() {
        for (int i = 0; i < 5; i++) {
            browser.logIn(login(), "mallory", "guess " + i);
        }
        assertTrue(message(browser.logIn(login(), "mallory", "guess")).startsWith("Too many failed attempts."));
    }

    /*
     * Twenty-four guesses at unknown users at once, each from its own address so that no throttle holds them back:
     * each costs a PBKDF2 hash, and the hashing gate runs them in turn. Every one is answered, as a refusal or as
     * "busy" when its turn did not come in time; none fails, and none lets anyone in.
     */
    @Test
    void whenManyUnknownUsersAreGuessedAtOnceThenEachIsAnsweredInTurn() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(24);
        try {
            List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int address = 150 + i;
                answers.add(pool.submit(() -> {
                    Browser guesser = from(address);
                    Browser.Page page = guesser.logIn(login(guesser), "nobody" + address, "guess");
                    assertEquals(200, page.status(), page.body());
                    return message(page);
                }));
            }
            for (java.util.concurrent.Future<String> answer : answers) {
                String text = answer.get();
                assertTrue(text.equals("The user name or password is not right.")
                        || text.equals("The bank is checking many logins at the moment. Try again in a few seconds."),
                        text);
            }
        } finally {
            pool.shutdown();
        }
    }

    // Client ids are public: wrong secrets sent from elsewhere never hold back the client's own requests.
    @Test
    void whenWrongSecretsForAClientComeFromOneAddressThenItsRightSecretFromAnotherIsServed() {
        String form = "grant_type=refresh_token&refresh_token=x&token=x";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, postFrom(2, "account/token", form, TestClients.OTHER_ID, "wrong" + i).status());
        }
        RawHttp.Response attacker = postFrom(2, "account/introspect", form, TestClients.OTHER_ID,
                TestClients.OTHER_SECRET);
        assertEquals(429, attacker.status(), attacker.toString());
        assertEquals(200, postFrom(3, "account/introspect", form, TestClients.OTHER_ID, TestClients.OTHER_SECRET)
                .status());
        RawHttp.Response token = postFrom(3, "account/token", form, TestClients.OTHER_ID, TestClients.OTHER_SECRET);
        assertEquals(400, token.status(), token.toString());
        assertTrue(token.text().contains("\"invalid_grant\""), token.toString());
    }

    @Test
    void whenTenWrongSecretsFromOneAddressForManyClientsThenThatAddressWaits() {
        String form = "token=x";
        for (int i = 0; i < 10; i++) {
            assertEquals(401, postFrom(4, "account/introspect", form, "client" + i, "wrong").status());
        }
        assertEquals(429, postFrom(4, "account/introspect", form, TestClients.OTHER_ID, TestClients.OTHER_SECRET)
                .status());
        assertEquals(200, postFrom(9, "account/introspect", form, TestClients.OTHER_ID, TestClients.OTHER_SECRET)
                .status());
    }

    // Behind a trusted proxy each client is counted by the address the proxy forwards, not by the proxy's own.
    @Test
    void whenATrustedProxyForwardsThenEachForwardedAddressIsCountedByItself() {
        for (int i = 0; i < 10; i++) {
            assertEquals(401, postFrom(100, "203.0.113.7, 198.51.100.1", "account/introspect", "token=x",
                    "client" + i, "wrong").status());
        }
        assertEquals(429, postFrom(100, "198.51.100.1", "account/introspect", "token=x", TestClients.OTHER_ID,
                TestClients.OTHER_SECRET).status(), "the forwarded address that failed waits");
        assertEquals(200, postFrom(100, "198.51.100.1, 198.51.100.2", "account/introspect", "token=x",
                TestClients.OTHER_ID, TestClients.OTHER_SECRET).status(), "another client behind the proxy does not");
    }

    // Behind a trusted proxy the registration limit counts each forwarded client, not the proxy for everyone.
    @Test
    void whenRegistrationsComeThroughATrustedProxyThenEachClientHasItsOwnLimit() {
        String app = "{\"client_name\":\"Proxied\",\"redirect_uris\":[\"https://app.example/cb\"]}";
        for (int i = 0; i < 10; i++) {
            assertEquals(201, registerFrom(100, "198.51.100.20", app).status(), "registration " + (i + 1));
        }
        assertEquals(429, registerFrom(100, "198.51.100.20", app).status());
        assertEquals(201, registerFrom(100, "198.51.100.21", app).status());
    }

    private RawHttp.Response registerFrom(int lastByte, String forwardedFor, String json) {
        return new RawHttp(server(), RawHttp.loopback(lastByte)).send(
                new RawHttp.Request("POST", server().getPath() + "account/register")
                        .header("X-Forwarded-For", forwardedFor)
                        .body("application/json", json));
    }

    // From anyone but the trusted proxy, a forwarding header is what the sender claims, and is ignored.
    @Test
    void whenAnUntrustedPeerSendsXForwardedForThenItIsCountedByItsOwnAddress() {
        for (int i = 0; i < 10; i++) {
            assertEquals(401, postFrom(11, "198.51.100." + (50 + i), "account/introspect", "token=x",
                    "client" + i, "wrong").status());
        }
        assertEquals(429, postFrom(11, "198.51.100.99", "account/introspect", "token=x", TestClients.OTHER_ID,
                TestClients.OTHER_SECRET).status());
    }

    // RFC 6749 §10.10: guessing client secrets is throttled: 429 with Retry-After.
    @Test
    void whenFiveWrongClientSecretsThenTheTokenEndpointAnswers429WithRetryAfter() {
        Map<String, String> form = Map.of("grant_type", "refresh_token", "refresh_token", "x");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.postWithBasic("account/token", form, TestClients.OTHER_ID, "wrong" + i).statusCode());
        }
        for (String path : new String[] {"account/token", "account/introspect", "account/revoke"}) {
            HttpResponse<String> throttled = api.postWithBasic(path, Map.of("grant_type", "refresh_token",
                    "refresh_token", "x", "token", "x"), TestClients.OTHER_ID, TestClients.OTHER_SECRET);
            assertEquals(429, throttled.statusCode(), path + ": " + throttled.body());
            long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElse("0"));
            assertTrue(retryAfter > 0 && retryAfter <= 30, "Retry-After " + retryAfter);
            assertEquals("temporarily_unavailable", Api.json(throttled).getString("error"));
        }
        HttpResponse<String> legacy = api.accessToken("x", TestClients.OTHER_ID, TestClients.OTHER_SECRET);
        assertEquals(429, legacy.statusCode(), legacy.body());

        api.advanceClock(31);
        assertEquals(200, api.postWithBasic("account/introspect", Map.of("token", "x"),
                TestClients.OTHER_ID, TestClients.OTHER_SECRET).statusCode());
    }
}
