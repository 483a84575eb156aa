package io.accountoauth.it;

import static io.accountoauth.it.TokenCalls.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accountoauth.testsupport.TestClients;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The original sandbox's token call, GET /account/access_token, and the RFC 6749 rules beneath it. */
class TokenExchangeIT extends DeployedWar {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @BeforeEach
    void setUp() {
        api.resetClock();
    }

    // RFC 6749 §4.1.2: a code is single use.
    @Test
    void whenCodeUsedTwiceThenInvalidGrant() {
        String code = browser.sandboxCode("dave");
        api.redeem(code);
        assertError(api.accessToken(code, SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET), 400, "invalid_grant");
    }

    // RFC 6749 §4.1.2: a replayed code revokes the tokens issued from it.
    @Test
    void whenCodeReplayedThenTheTokenIssuedFromItStopsWorking() {
        String code = browser.sandboxCode("dave");
        String token = api.redeem(code);
        assertEquals(200, api.withBearer("account/balance", token).statusCode());

        api.accessToken(code, SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);

        HttpResponse<String> after = api.withBearer("account/balance", token);
        assertEquals(401, after.statusCode());
        assertTrue(after.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));
    }

    // RFC 6749 §4.1.3: the code must have been issued to the authenticated client; it is used up all the same.
    @Test
    void whenAnotherClientPresentsTheCodeThenInvalidGrantAndTheCodeIsUsedUp() {
        String code = browser.sandboxCode("dave");
        assertError(api.accessToken(code, TestClients.OTHER_ID, TestClients.OTHER_SECRET), 400, "invalid_grant");
        assertError(api.accessToken(code, SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET), 400, "invalid_grant");
    }

    // RFC 6749 §4.1.3: redirect_uri, when sent, must be identical to the authorization request's.
    @Test
    void whenRedirectUriDiffersFromTheAuthorizationRequestsThenInvalidGrant() {
        String code = browser.sandboxCode("dave");
        Map<String, String> query = sandboxQuery(code);
        query.put("redirect_uri", "http://localhost:8080/elsewhere");
        assertError(api.accessTokenQuery(query), 400, "invalid_grant");
    }

    @Test
    void whenRedirectUriMatchesTheAuthorizationRequestsThenTokenIssued() {
        String code = browser.sandboxCode("dave");
        Map<String, String> query = sandboxQuery(code);
        query.put("redirect_uri", SandboxApp.REDIRECT_URI);
        assertEquals(200, api.accessTokenQuery(query).statusCode());
    }

    // RFC 6749 §5.2: invalid_client is 401.
    @Test
    void whenSecretIsWrongThenInvalidClientAndTheCodeStillWorks() {
        String code = browser.sandboxCode("dave");
        assertError(api.accessToken(code, SandboxApp.CLIENT_ID, "wrong-secret"), 401, "invalid_client");
        assertEquals(200, api.accessToken(code, SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET).statusCode());
    }

    @Test
    void whenClientIsUnknownThenInvalidClient() {
        assertError(api.accessToken("some-code", "no-such-app", "secret"), 401, "invalid_client");
    }

    @Test
    void whenClientSecretIsMissingThenInvalidClient() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("code", "some-code");
        query.put("client_id", SandboxApp.CLIENT_ID);
        assertError(api.accessTokenQuery(query), 401, "invalid_client");
    }

    @Test
    void whenCodeIsMissingThenInvalidRequest() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", SandboxApp.CLIENT_ID);
        query.put("client_secret", SandboxApp.CLIENT_SECRET);
        assertError(api.accessTokenQuery(query), 400, "invalid_request");
    }

    // RFC 6749 §3.2: parameters must not be included more than once.
    @Test
    void whenAParameterIsRepeatedThenInvalidRequest() {
        String code = browser.sandboxCode("dave");
        HttpResponse<String> response = api.get("account/access_token?code=" + code + "&code=" + code
                + "&client_id=" + SandboxApp.CLIENT_ID + "&client_secret=" + SandboxApp.CLIENT_SECRET);
        assertError(response, 400, "invalid_request");
    }

    @Test
    void whenCodeIsUnknownThenInvalidGrant() {
        assertError(api.accessToken("4990047", SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET), 400, "invalid_grant");
    }

    @Test
    void whenCodeIs59SecondsOldThenTokenIssued() {
        String code = browser.sandboxCode("dave");
        api.advanceClock(59);
        assertEquals(200, api.accessToken(code, SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET).statusCode());
    }

    @Test
    void whenCodeIs61SecondsOldThenInvalidGrant() {
        String code = browser.sandboxCode("dave");
        api.advanceClock(61);
        assertError(api.accessToken(code, SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET), 400, "invalid_grant");
    }

    @Test
    void whenTwoCodesAreIssuedThenTheyAndTheirTokensDiffer() {
        String first = browser.sandboxCode("dave");
        String second = new Browser(server()).sandboxCode("dave");
        assertTrue(!first.equals(second));
        assertTrue(first.length() >= 43, "a code carries at least 256 bits");
        String firstToken = api.redeem(first);
        String secondToken = api.redeem(second);
        assertTrue(!firstToken.equals(secondToken));
        assertTrue(firstToken.matches("[A-Za-z0-9_-]{43,}"), firstToken);
    }

    private static Map<String, String> sandboxQuery(String code) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("code", code);
        query.put("client_id", SandboxApp.CLIENT_ID);
        query.put("client_secret", SandboxApp.CLIENT_SECRET);
        return query;
    }
}
