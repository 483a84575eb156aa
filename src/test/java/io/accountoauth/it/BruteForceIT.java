package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accountoauth.testsupport.TestPasswords;
import java.net.http.HttpResponse;
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
                .addAsResource(new StringAsset("sandbox.any-password=false\n"), "META-INF/microprofile-config.properties");
    }

    @BeforeEach
    void setUp() {
        // Two quiet hours: every test starts with no failure remembered.
        api.advanceClock(7200);
    }

    private Browser.Page login() {
        return browser.authorize(Map.of("client_id", SandboxApp.CLIENT_ID, "redirect_uri", SandboxApp.REDIRECT_URI,
                "prompt", "consent"));
    }

    private static String message(Browser.Page page) {
        return page.document().select(".alert").text();
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
    void whenFiveFailuresFromOneAddressThenEveryAccountWaits() {
        for (int i = 0; i < 5; i++) {
            browser.logIn(login(), "user" + i, "guess");
        }
        Browser.Page refused = browser.logIn(login(), "dave", TestPasswords.DAVE);
        assertTrue(message(refused).startsWith("Too many failed attempts."), message(refused));
    }

    @Test
    void whenUnknownAccountsAreGuessedThenTheyCoolDownAsKnownOnesDo() {
        for (int i = 0; i < 5; i++) {
            browser.logIn(login(), "mallory", "guess " + i);
        }
        assertTrue(message(browser.logIn(login(), "mallory", "guess")).startsWith("Too many failed attempts."));
    }

    // RFC 6749 §10.10: guessing client secrets is throttled: 429 with Retry-After.
    @Test
    void whenFiveWrongClientSecretsThenTheTokenEndpointAnswers429WithRetryAfter() {
        Map<String, String> form = Map.of("grant_type", "refresh_token", "refresh_token", "x");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.postWithBasic("account/token", form, SandboxApp.CLIENT_ID, "wrong" + i).statusCode());
        }
        for (String path : new String[] {"account/token", "account/introspect", "account/revoke"}) {
            HttpResponse<String> throttled = api.postWithBasic(path, Map.of("grant_type", "refresh_token",
                    "refresh_token", "x", "token", "x"), SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
            assertEquals(429, throttled.statusCode(), path + ": " + throttled.body());
            long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElse("0"));
            assertTrue(retryAfter > 0 && retryAfter <= 30, "Retry-After " + retryAfter);
            assertEquals("temporarily_unavailable", Api.json(throttled).getString("error"));
        }
        HttpResponse<String> legacy = api.accessToken("x", SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
        assertEquals(429, legacy.statusCode(), legacy.body());

        api.advanceClock(31);
        assertEquals(200, api.postWithBasic("account/introspect", Map.of("token", "x"),
                SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET).statusCode());
    }
}
