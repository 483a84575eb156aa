package io.accountoauth.it;

import static io.accountoauth.it.TokenCalls.assertBearerError;
import static io.accountoauth.it.TokenCalls.assertTokenError;
import static io.accountoauth.it.TokenCalls.assertTokens;
import static io.accountoauth.it.TokenCalls.challenge;
import static io.accountoauth.it.TokenCalls.sandboxRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accountoauth.testsupport.TestClients;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The refresh-token grant (RFC 6749 §6) with rotation and reuse detection (RFC 9700 §4.14.2). */
class RefreshTokenIT extends DeployedWar {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    TokenCalls tokens;

    @BeforeEach
    void setUp() {
        api.resetClock();
        tokens = new TokenCalls(api);
    }

    // RFC 6749 §6, RFC 9700 §4.14.2: a refresh issues a new access token and a new refresh token, and ends the old one.
    @Test
    void whenRefreshedThenNewTokensAreIssuedAndTheOldRefreshTokenIsEnded() {
        JsonObject first = tokens.sandboxTokens(browser.sandboxCode("dave"));
        JsonObject second = assertTokens(tokens.refresh(first.getString("refresh_token")));
        assertNotEquals(first.getString("access_token"), second.getString("access_token"));
        assertFalse(second.getString("refresh_token", "").isEmpty(), second.toString());
        assertNotEquals(first.getString("refresh_token"), second.getString("refresh_token"));
        assertEquals("read", second.getString("scope"));
        assertEquals(200, api.withBearer("account/info", second.getString("access_token")).statusCode());

        assertTokenError(tokens.refresh(first.getString("refresh_token")), 400, "invalid_grant");
    }

    // RFC 9700 §4.14.2: reuse of an ended refresh token revokes the grant's live tokens.
    @Test
    void whenAnEndedRefreshTokenIsReusedThenTheWholeGrantIsRevoked() {
        JsonObject first = tokens.sandboxTokens(browser.sandboxCode("dave"));
        JsonObject latest = assertTokens(tokens.refresh(first.getString("refresh_token")));
        assertEquals(200, api.withBearer("account/info", latest.getString("access_token")).statusCode());

        assertTokenError(tokens.refresh(first.getString("refresh_token")), 400, "invalid_grant");

        assertBearerError(api.withBearer("account/info", latest.getString("access_token")), 401, "invalid_token");
        assertTokenError(tokens.refresh(latest.getString("refresh_token")), 400, "invalid_grant");
    }

    // RFC 6749 §6, §10.4: a refresh token is bound to the client it was issued to.
    @Test
    void whenAnotherClientPresentsTheRefreshTokenThenInvalidGrant() {
        JsonObject first = tokens.sandboxTokens(browser.sandboxCode("dave"));
        HttpResponse<String> stolen = tokens.refreshAs(TestClients.OTHER_ID, TestClients.OTHER_SECRET,
                first.getString("refresh_token"));
        assertTokenError(stolen, 400, "invalid_grant");
    }

    // RFC 6749 §6, RFC 6750 §3.1: a refresh may narrow the scope; the narrower token is refused beyond it.
    @Test
    void whenRefreshedWithANarrowerScopeThenTheTokenReachesOnlyThatScope() {
        JsonObject first = tokens.sandboxTokens(browser.sandboxCode("dave"));
        JsonObject narrowed = assertTokens(tokens.refresh(first.getString("refresh_token"), "scope", "balance"));
        assertEquals("balance", narrowed.getString("scope"));
        String token = narrowed.getString("access_token");

        assertEquals(200, api.withBearer("account/balance", token).statusCode());
        HttpResponse<String> info = api.withBearer("account/info", token);
        assertBearerError(info, 403, "insufficient_scope");
        assertTrue(challenge(info).contains("scope=\"info\""), challenge(info));
    }

    // RFC 6749 §6: a new refresh token's scope must be identical to the presented one's, and an omitted scope means
    // the scope originally granted, so narrowing one access token does not narrow the grant.
    @Test
    void whenRefreshedWithANarrowerScopeThenTheNewRefreshTokenKeepsTheOriginalScope() {
        JsonObject first = tokens.sandboxTokens(browser.sandboxCode("dave"));
        JsonObject narrowed = assertTokens(tokens.refresh(first.getString("refresh_token"), "scope", "balance"));
        assertEquals("balance", narrowed.getString("scope"));

        JsonObject again = assertTokens(tokens.refresh(narrowed.getString("refresh_token")));
        assertEquals("read", again.getString("scope"));
        assertEquals(200, api.withBearer("account/info", again.getString("access_token")).statusCode());
    }

    // RFC 6749 §6, §5.2: a refresh must not ask for a scope beyond the grant.
    @Test
    void whenRefreshAsksForMoreThanTheGrantThenInvalidScope() {
        String code = browser.code(sandboxRequest("scope", "info"), "dave");
        JsonObject first = tokens.sandboxTokens(code);
        assertEquals("info", first.getString("scope"));
        assertTokenError(tokens.refresh(first.getString("refresh_token"), "scope", "info balance"), 400, "invalid_scope");
    }

    // RFC 6749 §5.2: invalid_scope for a scope the server does not know.
    @Test
    void whenRefreshAsksForAnUnknownScopeThenInvalidScope() {
        JsonObject first = tokens.sandboxTokens(browser.sandboxCode("dave"));
        assertTokenError(tokens.refresh(first.getString("refresh_token"), "scope", "write"), 400, "invalid_scope");
    }

    // RFC 6749 §5.1: refresh_token is optional; the original sandbox's call issues none.
    @Test
    void whenTheLegacyCallIssuesATokenThenItIssuesNoRefreshToken() {
        String code = browser.sandboxCode("dave");
        JsonObject body = assertTokens(api.accessToken(code, SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET));
        assertFalse(body.containsKey("refresh_token"), body.toString());
    }

    // RFC 6749 §5.1: expires_in counts from the refresh that issued the access token.
    @Test
    void whenRefreshedThenTheNewAccessTokenExpires60SecondsLater() {
        JsonObject first = tokens.sandboxTokens(browser.sandboxCode("dave"));
        api.advanceClock(30);
        JsonObject refreshed = assertTokens(tokens.refresh(first.getString("refresh_token")));
        String token = refreshed.getString("access_token");

        api.advanceClock(59);
        assertEquals(200, api.withBearer("account/info", token).statusCode());
        api.advanceClock(2);
        assertBearerError(api.withBearer("account/info", token), 401, "invalid_token");
    }

    // An ended refresh token is kept a day to catch its reuse; then the database's clean-up deletes it, and the
    // grant's live refresh token goes on.
    @Test
    void whenADayHasPassedSinceARotationThenTheCleanUpDeletesTheEndedTokenAndTheLiveOneStillRotates() {
        JsonObject first = tokens.sandboxTokens(browser.sandboxCode("dave"));
        JsonObject latest = assertTokens(tokens.refresh(first.getString("refresh_token")));
        api.advanceClock(24 * 60 * 60 + 1);

        HttpResponse<String> cleanUp = api.post("test-support/housekeeping", Map.of());

        assertEquals(200, cleanUp.statusCode(), cleanUp.body());
        assertTrue(Integer.parseInt(cleanUp.body().strip()) >= 1, "rows deleted: " + cleanUp.body());
        assertTokenError(tokens.refresh(first.getString("refresh_token")), 400, "invalid_grant");
        assertTokens(tokens.refresh(latest.getString("refresh_token")));
    }
}
