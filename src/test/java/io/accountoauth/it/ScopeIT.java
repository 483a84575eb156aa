package io.accountoauth.it;

import static io.accountoauth.it.TokenCalls.assertBearerError;
import static io.accountoauth.it.TokenCalls.challenge;
import static io.accountoauth.it.TokenCalls.sandboxRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each scope reaches: info and balance, both, or the default read (RFC 6750 §3.1 insufficient_scope). */
class ScopeIT extends DeployedWar {

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

    // RFC 6750 §3.1: insufficient_scope (403) names the scope the call needs.
    @Test
    void whenScopeIsInfoThenInfoIsReadAndBalanceIsRefused() {
        String token = tokenFor("info", "info");
        assertEquals(200, api.withBearer("account/info", token).statusCode());
        assertInsufficientScope(api.withBearer("account/balance", token), "balance");
    }

    // RFC 6750 §3.1: insufficient_scope (403) names the scope the call needs.
    @Test
    void whenScopeIsBalanceThenBalanceIsReadAndInfoIsRefused() {
        String token = tokenFor("balance", "balance");
        assertEquals(200, api.withBearer("account/balance", token).statusCode());
        assertInsufficientScope(api.withBearer("account/info", token), "info");
    }

    // RFC 6749 §3.3: a space-delimited scope grants each of its names.
    @Test
    void whenScopeIsInfoAndBalanceThenBothAreRead() {
        String token = tokenFor("info balance", "info balance");
        assertEquals(200, api.withBearer("account/info", token).statusCode());
        assertEquals(200, api.withBearer("account/balance", token).statusCode());
    }

    // RFC 6749 §3.3: without a scope the server's default applies: read, which reaches both.
    @Test
    void whenNoScopeIsAskedThenReadReachesBoth() {
        String token = tokenFor(null, "read");
        assertEquals(200, api.withBearer("account/info", token).statusCode());
        assertEquals(200, api.withBearer("account/balance", token).statusCode());
    }

    /** Authorizes the sandbox app for {@code scope} (none when null) and checks the scope of the token it gets. */
    private String tokenFor(String scope, String expectedScope) {
        String code = browser.code(scope == null ? sandboxRequest() : sandboxRequest("scope", scope), "dave");
        JsonObject body = tokens.sandboxTokens(code);
        assertEquals(expectedScope, body.getString("scope"));
        return body.getString("access_token");
    }

    private static void assertInsufficientScope(HttpResponse<String> response, String needed) {
        assertBearerError(response, 403, "insufficient_scope");
        assertTrue(challenge(response).contains("scope=\"" + needed + "\""), challenge(response));
    }
}
