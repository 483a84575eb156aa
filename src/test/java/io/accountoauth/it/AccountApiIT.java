package io.accountoauth.it;

import static io.accountoauth.it.TokenCalls.assertInvalidToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The protected API: /account/info and /account/balance behind RFC 6750 bearer tokens that live 60 seconds. */
class AccountApiIT extends DeployedWar {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @BeforeEach
    void setUp() {
        api.resetClock();
    }

    // RFC 6750 §3: a request without credentials gets the challenge without an error code.
    @Test
    void whenNoAuthorizationHeaderThen401WithRealmChallenge() {
        for (String path : new String[] {"account/info", "account/balance"}) {
            HttpResponse<String> response = api.get(path);
            assertEquals(401, response.statusCode());
            assertEquals("Bearer realm=\"account\"", response.headers().firstValue("WWW-Authenticate").orElse(null));
        }
    }

    @Test
    void whenAnotherSchemeIsUsedThen401WithRealmChallenge() {
        HttpResponse<String> response = api.get("account/info", "Authorization", "Basic ZGF2ZTpwdw==");
        assertEquals(401, response.statusCode());
        assertEquals("Bearer realm=\"account\"", response.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    // RFC 6750 §3.1: invalid_token for an unknown, expired or malformed token.
    @Test
    void whenTokenIsUnknownThen401InvalidToken() {
        assertInvalidToken(api.withBearer("account/info", "eSlcNwnLxTuzsYXyzFrhGGU3mrCKPxQ5fy51Jx93.MTUzMjM1NDM0OA=="));
    }

    @Test
    void whenTokenIsMalformedThen401InvalidToken() {
        assertInvalidToken(api.get("account/info", "Authorization", "Bearer not a token"));
        assertInvalidToken(api.get("account/balance", "Authorization", "Bearer"));
        assertInvalidToken(api.get("account/balance", "Authorization", "Bearer {\"x\":1}"));
    }

    // RFC 6750 §2.1 / RFC 7235 §2.1: the scheme name is case-insensitive.
    @Test
    void whenSchemeIsLowerCaseThenTheTokenIsAccepted() {
        String token = api.redeem(browser.sandboxCode("dave"));
        HttpResponse<String> response = api.get("account/info", "authorization", "bearer " + token);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"account_owner\":\"dave\""), response.body());
    }

    // An app's calls are stateless: the customer's login at the bank lives in the browser's session, and no call of
    // an app starts one.
    @Test
    void whenAnAppRedeemsACodeAndCallsTheApiThenNoSessionIsStarted() {
        HttpResponse<String> token = api.accessToken(browser.sandboxCode("dave"), SandboxApp.CLIENT_ID,
                SandboxApp.CLIENT_SECRET);
        assertEquals(200, token.statusCode(), token.body());
        String accessToken = Api.json(token).getString("access_token");
        HttpResponse<String> info = api.withBearer("account/info", accessToken);
        HttpResponse<String> balance = api.withBearer("account/balance", accessToken);
        HttpResponse<String> refused = api.withBearer("account/balance", accessToken + "x");
        assertEquals(200, info.statusCode());
        assertEquals(200, balance.statusCode());
        assertEquals(401, refused.statusCode());
        for (HttpResponse<String> response : List.of(token, info, balance, refused)) {
            assertEquals(List.of(), response.headers().allValues("Set-Cookie"), response.uri().getPath());
        }
    }

    @Test
    void whenTwoAuthorizationHeadersAreSentThen400InvalidRequest() {
        String token = api.redeem(browser.sandboxCode("dave"));
        HttpResponse<String> response = api.get("account/info",
                "Authorization", "Bearer " + token, "Authorization", "Bearer " + token);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_request\""));
    }

    @Test
    void whenTokenIs59SecondsOldThenItWorksAndAt61SecondsItDoesNot() {
        String token = api.redeem(browser.sandboxCode("jane"));
        api.advanceClock(59);
        HttpResponse<String> balance = api.withBearer("account/balance", token);
        assertEquals(200, balance.statusCode());
        assertTrue(balance.body().contains("981,719.23"));

        api.advanceClock(2);
        assertInvalidToken(api.withBearer("account/balance", token));
        assertInvalidToken(api.withBearer("account/info", token));
    }

    @Test
    void whenTheApiAnswersThenNoCacheMayKeepIt() {
        String token = api.redeem(browser.sandboxCode("dave"));
        HttpResponse<String> info = api.withBearer("account/info", token);
        assertEquals("no-store", info.headers().firstValue("Cache-Control").orElse(null));
    }

    @Test
    void whenEachCustomerCallsThenEachSeesOnlyTheirOwnAccount() {
        String daves = api.redeem(browser.sandboxCode("dave"));
        String janes = api.redeem(new Browser(server()).sandboxCode("jane"));
        assertTrue(api.withBearer("account/balance", daves).body().contains("10,187.91"));
        assertFalse(api.withBearer("account/balance", janes).body().contains("10,187.91"));
    }
}
