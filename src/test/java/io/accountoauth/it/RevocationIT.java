package io.accountoauth.it;

import static io.accountoauth.it.TokenCalls.assertError;
import static io.accountoauth.it.TokenCalls.assertInvalidToken;
import static io.accountoauth.it.TokenCalls.form;
import static io.accountoauth.it.TokenEndpoints.REVOKE;
import static io.accountoauth.it.TokenEndpoints.assertActive;
import static io.accountoauth.it.TokenEndpoints.assertInactive;
import static io.accountoauth.it.TokenEndpoints.introspect;
import static io.accountoauth.it.TokenEndpoints.revoke;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accountoauth.it.TokenEndpoints.Tokens;
import io.accountoauth.testsupport.TestClients;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Token revocation, POST /account/revoke, as RFC 7009 defines it. */
class RevocationIT extends DeployedWar {

    /** A loopback port of the public app's own, not the server's, so the browser stops at the redirect. */
    private static final String PUBLIC_REDIRECT_URI = "http://127.0.0.1:65020/callback";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @BeforeEach
    void setUp() {
        api.resetClock();
    }

    // RFC 7009 §2.1, §2.2: the revoked access token is invalid at once; the answer is 200.
    @Test
    void whenAccessTokenIsRevokedThenItStopsWorking() {
        Tokens tokens = TokenEndpoints.sandboxTokens(browser, api, "dave");
        assertEquals(200, api.withBearer("account/info", tokens.accessToken()).statusCode());

        assertEquals(200, revoke(api, tokens.accessToken()).statusCode());

        assertInvalidToken(api.withBearer("account/info", tokens.accessToken()));
        assertInactive(introspect(api, tokens.accessToken()));
    }

    // RFC 7009 §2.1: revoking a refresh token ends it and SHOULD end the access tokens of the same grant.
    @Test
    void whenRefreshTokenIsRevokedThenTheWholeGrantEnds() {
        Tokens tokens = TokenEndpoints.sandboxTokens(browser, api, "dave");
        assertEquals(200, api.withBearer("account/balance", tokens.accessToken()).statusCode());

        assertEquals(200, revoke(api, tokens.refreshToken()).statusCode());

        assertError(new TokenCalls(api).refresh(tokens.refreshToken()), 400, "invalid_grant");
        assertInvalidToken(api.withBearer("account/balance", tokens.accessToken()));
        assertInactive(introspect(api, tokens.refreshToken()));
        assertInactive(introspect(api, tokens.accessToken()));
    }

    // RFC 7009 §2.2: an invalid token is answered 200 all the same.
    @Test
    void whenTokenIsUnknownThenOk() {
        HttpResponse<String> response = revoke(api, "no-such-token-9b2d4f");

        assertEquals(200, response.statusCode(), response.body());
    }

    // RFC 7009 §2.1: the server checks the token was issued to the client asking; another's is left alone.
    @Test
    void whenAnotherClientRevokesTheAccessTokenThenOkButItStillWorksForItsOwner() {
        Tokens tokens = TokenEndpoints.sandboxTokens(browser, api, "dave");

        HttpResponse<String> response = revoke(api, tokens.accessToken(), TestClients.OTHER_ID, TestClients.OTHER_SECRET);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(200, api.withBearer("account/balance", tokens.accessToken()).statusCode());
        assertActive(introspect(api, tokens.accessToken()));
    }

    // RFC 7009 §2.1: nor can another client end the owner's grant through its refresh token.
    @Test
    void whenAnotherClientRevokesTheRefreshTokenThenOkButTheGrantGoesOn() {
        Tokens tokens = TokenEndpoints.sandboxTokens(browser, api, "dave");

        HttpResponse<String> response = revoke(api, tokens.refreshToken(), TestClients.OTHER_ID, TestClients.OTHER_SECRET);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(200, api.withBearer("account/balance", tokens.accessToken()).statusCode());
        TokenEndpoints.tokens(new TokenCalls(api).refresh(tokens.refreshToken()));
    }

    // RFC 7009 §2.1: the client authenticates; RFC 6749 §5.2: invalid_client is 401.
    @Test
    void whenNoClientAuthenticationThenInvalidClientAndTheTokenStillWorks() {
        Tokens tokens = TokenEndpoints.sandboxTokens(browser, api, "dave");

        assertError(api.post(REVOKE, Map.of("token", tokens.accessToken())), 401, "invalid_client");
        assertEquals(200, api.withBearer("account/balance", tokens.accessToken()).statusCode());
    }

    // RFC 7009 §2.1, RFC 6749 §5.2: a wrong secret is invalid_client, and revokes nothing.
    @Test
    void whenSecretIsWrongThenInvalidClientAndTheTokenStillWorks() {
        Tokens tokens = TokenEndpoints.sandboxTokens(browser, api, "dave");

        assertError(revoke(api, tokens.accessToken(), SandboxApp.CLIENT_ID, "wrong-secret"), 401, "invalid_client");
        assertEquals(200, api.withBearer("account/balance", tokens.accessToken()).statusCode());
    }

    // RFC 7009 §2.1: token is REQUIRED; §2.2.1: a malformed request is an RFC 6749 §5.2 error.
    @Test
    void whenTokenIsMissingThenInvalidRequest() {
        assertError(api.postWithBasic(REVOKE, Map.of("token_type_hint", "access_token"),
                SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET), 400, "invalid_request");
    }

    // RFC 7009 §2.1: token_type_hint is a hint; a wrong one must not stop the revocation.
    @Test
    void whenHintSaysRefreshTokenForAnAccessTokenThenItIsRevokedAnyway() {
        Tokens tokens = TokenEndpoints.sandboxTokens(browser, api, "dave");

        HttpResponse<String> response = api.postWithBasic(REVOKE, form("token", tokens.accessToken(),
                "token_type_hint", "refresh_token"), SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);

        assertEquals(200, response.statusCode(), response.body());
        assertInvalidToken(api.withBearer("account/balance", tokens.accessToken()));
    }

    // RFC 7009 §2.1: a public client revokes its own token by its client_id (the metadata lists "none").
    @Test
    void whenPublicClientRevokesItsOwnTokenWithClientIdAloneThenItStopsWorking() {
        Tokens tokens = publicAppTokens();
        assertEquals(200, api.withBearer("account/balance", tokens.accessToken()).statusCode());

        HttpResponse<String> response = api.post(REVOKE, form("token", tokens.refreshToken(),
                "client_id", TestClients.PUBLIC_ID));

        assertEquals(200, response.statusCode(), response.body());
        assertInvalidToken(api.withBearer("account/balance", tokens.accessToken()));
        HttpResponse<String> refreshed = api.post(TokenEndpoints.TOKEN, form("grant_type", "refresh_token",
                "refresh_token", tokens.refreshToken(), "client_id", TestClients.PUBLIC_ID));
        assertError(refreshed, 400, "invalid_grant");
    }

    /** The public app's tokens for dave, by the code flow with PKCE (RFC 7636) and no secret. */
    private Tokens publicAppTokens() {
        String verifier = "public-app-verifier-" + "0123456789abcdefghijklmnopqrstuvwxyz-._~";
        String code = browser.code(form("client_id", TestClients.PUBLIC_ID, "redirect_uri", PUBLIC_REDIRECT_URI,
                "code_challenge", PkcePair.s256(verifier), "code_challenge_method", "S256"), "dave");
        return TokenEndpoints.tokens(api.post(TokenEndpoints.TOKEN, form("grant_type", "authorization_code",
                "code", code, "redirect_uri", PUBLIC_REDIRECT_URI, "client_id", TestClients.PUBLIC_ID,
                "code_verifier", verifier)));
    }
}
