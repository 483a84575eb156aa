package io.accountoauth.it;

import static io.accountoauth.it.TokenEndpoints.INTROSPECT;
import static io.accountoauth.it.TokenEndpoints.assertActive;
import static io.accountoauth.it.TokenCalls.assertError;
import static io.accountoauth.it.TokenEndpoints.assertInactive;
import static io.accountoauth.it.TokenCalls.form;
import static io.accountoauth.it.TokenEndpoints.introspect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accountoauth.it.TokenEndpoints.Tokens;
import io.accountoauth.testsupport.TestClients;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Token introspection, POST /account/introspect, as RFC 7662 defines it for confidential clients. */
class IntrospectionIT extends DeployedWar {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @BeforeEach
    void setUp() {
        api.resetClock();
    }

    // RFC 7662 §2.2: an active token's meaning: scope, client_id, username, token_type, exp, iat, iss.
    @Test
    void whenAccessTokenIsActiveThenItsMeaningIsReturned() {
        long before = Instant.now().getEpochSecond();
        Tokens tokens = TokenEndpoints.sandboxTokens(browser, api, "dave");
        long after = Instant.now().getEpochSecond();

        JsonObject body = assertActive(introspect(api, tokens.accessToken()));

        assertEquals("read", body.getString("scope"));
        assertEquals(SandboxApp.CLIENT_ID, body.getString("client_id"));
        assertEquals("dave", body.getString("username"));
        assertEquals("Bearer", body.getString("token_type"));
        long iat = body.getJsonNumber("iat").longValueExact();
        assertTrue(iat >= before - 1 && iat <= after + 1, "iat " + iat + " is when the token was issued");
        assertEquals(iat + 60, body.getJsonNumber("exp").longValueExact(), "an access token lives 60 s");
        assertEquals(TokenCalls.issuer(server()), body.getString("iss"));
    }

    // RFC 7662 §2.1: any token the server issued may be introspected, a refresh token too.
    @Test
    void whenRefreshTokenIsActiveThenActive() {
        Tokens tokens = TokenEndpoints.sandboxTokens(browser, api, "dave");

        JsonObject body = assertActive(introspect(api, tokens.refreshToken()));

        assertEquals(SandboxApp.CLIENT_ID, body.getString("client_id"));
        assertEquals("dave", body.getString("username"));
        assertEquals("read", body.getString("scope"));
    }

    // RFC 7662 §2.2: a token the server does not know is inactive, and nothing more is said.
    @Test
    void whenTokenIsUnknownThenOnlyInactive() {
        assertInactive(introspect(api, "no-such-token-4a7c1e"));
    }

    // RFC 7662 §2.2: an expired token is inactive; an access token lives 60 s.
    @Test
    void whenAccessTokenHasExpiredThenOnlyInactive() {
        Tokens tokens = TokenEndpoints.sandboxTokens(browser, api, "dave");
        api.advanceClock(59);
        assertActive(introspect(api, tokens.accessToken()));

        api.advanceClock(2);

        assertInactive(introspect(api, tokens.accessToken()));
    }

    // RFC 7662 §2.2: a revoked token is inactive.
    @Test
    void whenTokenIsRevokedThenOnlyInactive() {
        Tokens tokens = TokenEndpoints.sandboxTokens(browser, api, "dave");
        assertEquals(200, TokenEndpoints.revoke(api, tokens.accessToken()).statusCode());

        assertInactive(introspect(api, tokens.accessToken()));
    }

    // RFC 7662 §4: a client must not learn what another client's token stands for.
    @Test
    void whenAnotherClientIntrospectsTheTokenThenOnlyInactive() {
        Tokens tokens = TokenEndpoints.sandboxTokens(browser, api, "dave");

        assertInactive(introspect(api, tokens.accessToken(), TestClients.OTHER_ID, TestClients.OTHER_SECRET));
        assertInactive(introspect(api, tokens.refreshToken(), TestClients.OTHER_ID, TestClients.OTHER_SECRET));
        assertActive(introspect(api, tokens.accessToken()));
    }

    // RFC 7662 §2.1: the endpoint requires authorization; RFC 6749 §5.2: invalid_client is 401.
    @Test
    void whenNoClientAuthenticationThenInvalidClient() {
        Tokens tokens = TokenEndpoints.sandboxTokens(browser, api, "dave");

        assertError(api.post(INTROSPECT, Map.of("token", tokens.accessToken())), 401, "invalid_client");
    }

    // RFC 6749 §5.2: a failed Basic attempt is 401 with the Basic challenge.
    @Test
    void whenBasicSecretIsWrongThenInvalidClientWithBasicChallenge() {
        Tokens tokens = TokenEndpoints.sandboxTokens(browser, api, "dave");

        HttpResponse<String> response = introspect(api, tokens.accessToken(), SandboxApp.CLIENT_ID, "wrong-secret");

        assertError(response, 401, "invalid_client");
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic "),
                "the challenge names the scheme the client tried");
    }

    // RFC 6749 §5.2: a wrong client_secret in the form is invalid_client too.
    @Test
    void whenPostedSecretIsWrongThenInvalidClient() {
        Tokens tokens = TokenEndpoints.sandboxTokens(browser, api, "dave");

        assertError(api.post(INTROSPECT, form("token", tokens.accessToken(), "client_id", SandboxApp.CLIENT_ID,
                "client_secret", "wrong-secret")), 401, "invalid_client");
    }

    // RFC 7662 §2.1, §4: a client_id alone is no authorization; a public client cannot introspect.
    @Test
    void whenPublicClientIntrospectsWithClientIdAloneThenInvalidClient() {
        Tokens tokens = TokenEndpoints.sandboxTokens(browser, api, "dave");

        assertError(api.post(INTROSPECT, form("token", tokens.accessToken(), "client_id", TestClients.PUBLIC_ID)),
                401, "invalid_client");
    }

    // RFC 7662 §2.1: token is REQUIRED; RFC 6749 §5.2: a missing parameter is invalid_request.
    @Test
    void whenTokenIsMissingThenInvalidRequest() {
        assertError(api.postWithBasic(INTROSPECT, Map.of("token_type_hint", "access_token"),
                SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET), 400, "invalid_request");
    }

    // RFC 7662 §2.2 carries what a token means; like a token response (RFC 6749 §5.1) it must not be cached.
    @Test
    void whenTokenIsIntrospectedThenTheAnswerIsNotCached() {
        Tokens tokens = TokenEndpoints.sandboxTokens(browser, api, "dave");

        HttpResponse<String> response = introspect(api, tokens.accessToken());

        assertActive(response);
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
    }

    // RFC 6749 §2.3.1: client_secret_basic.
    @Test
    void whenClientAuthenticatesWithBasicThenActive() {
        Tokens tokens = TokenEndpoints.sandboxTokens(browser, api, "dave");

        HttpResponse<String> response = api.post(INTROSPECT, Map.of("token", tokens.accessToken()),
                "Authorization", Api.basic(SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET));

        assertEquals(SandboxApp.CLIENT_ID, assertActive(response).getString("client_id"));
    }

    // RFC 6749 §2.3.1: client_secret_post, the credentials in the form.
    @Test
    void whenClientAuthenticatesWithPostedSecretThenActive() {
        Tokens tokens = TokenEndpoints.sandboxTokens(browser, api, "dave");

        HttpResponse<String> response = api.post(INTROSPECT, form("token", tokens.accessToken(),
                "client_id", SandboxApp.CLIENT_ID, "client_secret", SandboxApp.CLIENT_SECRET));

        assertEquals(SandboxApp.CLIENT_ID, assertActive(response).getString("client_id"));
    }
}
