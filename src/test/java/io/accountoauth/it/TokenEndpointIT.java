package io.accountoauth.it;

import static io.accountoauth.it.TokenCalls.assertBearerError;
import static io.accountoauth.it.TokenCalls.assertTokenError;
import static io.accountoauth.it.TokenCalls.assertTokens;
import static io.accountoauth.it.TokenCalls.challenge;
import static io.accountoauth.it.TokenCalls.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accountoauth.testsupport.TestClients;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The standard token endpoint, POST /account/token: client authentication, the code grant and its refusals. */
class TokenEndpointIT extends DeployedWar {

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

    // RFC 6749 §2.3.1, §4.1.3, §5.1: client_secret_basic; the answer is never cached.
    @Test
    void whenCodeExchangedWithClientSecretBasicThenTokensThatNoCacheKeeps() {
        String code = browser.sandboxCode("dave");
        HttpResponse<String> response = api.postWithBasic(TokenCalls.TOKEN_PATH,
                form("grant_type", "authorization_code", "code", code, "redirect_uri", SandboxApp.REDIRECT_URI),
                SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
        JsonObject body = assertTokens(response);
        assertEquals("bearer", body.getString("token_type"));
        assertEquals(60, body.getInt("expires_in"));
        assertEquals("read", body.getString("scope"));
        assertFalse(body.getString("refresh_token", "").isEmpty(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("no-cache", response.headers().firstValue("Pragma").orElse(null));

        HttpResponse<String> balance = api.withBearer("account/balance", body.getString("access_token"));
        assertEquals(200, balance.statusCode(), balance.body());
        assertTrue(balance.body().contains("10,187.91"), balance.body());
    }

    // RFC 6749 §2.3.1: client_secret_post, the credentials in the form.
    @Test
    void whenCodeExchangedWithClientSecretPostThenTokens() {
        String code = browser.sandboxCode("dave");
        HttpResponse<String> response = api.post(TokenCalls.TOKEN_PATH, form("grant_type", "authorization_code",
                "code", code, "redirect_uri", SandboxApp.REDIRECT_URI,
                "client_id", SandboxApp.CLIENT_ID, "client_secret", SandboxApp.CLIENT_SECRET));
        JsonObject body = assertTokens(response);
        assertEquals("read", body.getString("scope"));
        assertFalse(body.getString("refresh_token", "").isEmpty(), response.body());
        assertEquals(200, api.withBearer("account/balance", body.getString("access_token")).statusCode());
    }

    // RFC 6749 §2.3: the client must not use more than one authentication method in a request.
    @Test
    void whenBasicAndClientSecretAreBothSentThenInvalidRequest() {
        String code = browser.sandboxCode("dave");
        HttpResponse<String> response = api.postWithBasic(TokenCalls.TOKEN_PATH, form("grant_type", "authorization_code",
                "code", code, "redirect_uri", SandboxApp.REDIRECT_URI, "client_secret", SandboxApp.CLIENT_SECRET),
                SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
        assertTokenError(response, 400, "invalid_request");
    }

    // RFC 6749 §5.2: a failed Basic authentication is 401 invalid_client with a Basic challenge.
    @Test
    void whenBasicSecretIsWrongThenInvalidClientWithBasicChallenge() {
        String code = browser.sandboxCode("dave");
        HttpResponse<String> response = api.postWithBasic(TokenCalls.TOKEN_PATH,
                form("grant_type", "authorization_code", "code", code, "redirect_uri", SandboxApp.REDIRECT_URI),
                SandboxApp.CLIENT_ID, "wrong-secret");
        assertTokenError(response, 401, "invalid_client");
        assertTrue(challenge(response).startsWith("Basic"), challenge(response));
    }

    // RFC 6749 §5.2: invalid_client for a wrong client_secret in the form.
    @Test
    void whenPostedSecretIsWrongThenInvalidClient() {
        String code = browser.sandboxCode("dave");
        HttpResponse<String> response = api.post(TokenCalls.TOKEN_PATH, form("grant_type", "authorization_code",
                "code", code, "redirect_uri", SandboxApp.REDIRECT_URI,
                "client_id", SandboxApp.CLIENT_ID, "client_secret", "wrong-secret"));
        assertTokenError(response, 401, "invalid_client");
    }

    // RFC 6749 §3.2.1, §5.2: a confidential client must authenticate; invalid_client when it does not.
    @Test
    void whenNoClientAuthenticationIsSentThenInvalidClient() {
        String code = browser.sandboxCode("dave");
        HttpResponse<String> response = api.post(TokenCalls.TOKEN_PATH,
                form("grant_type", "authorization_code", "code", code, "redirect_uri", SandboxApp.REDIRECT_URI));
        assertTokenError(response, 401, "invalid_client");
    }

    // RFC 6749 §3.2.1: client_id alone does not authenticate a confidential client.
    @Test
    void whenConfidentialClientSendsOnlyClientIdThenInvalidClient() {
        String code = browser.sandboxCode("dave");
        HttpResponse<String> response = api.post(TokenCalls.TOKEN_PATH, form("grant_type", "authorization_code",
                "code", code, "redirect_uri", SandboxApp.REDIRECT_URI, "client_id", SandboxApp.CLIENT_ID));
        assertTokenError(response, 401, "invalid_client");
    }

    // RFC 6749 §4.1.3: redirect_uri is required when the authorization request included it.
    @Test
    void whenRedirectUriIsMissingThenInvalidRequest() {
        String code = browser.sandboxCode("dave");
        HttpResponse<String> response = api.postWithBasic(TokenCalls.TOKEN_PATH,
                form("grant_type", "authorization_code", "code", code), SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
        assertTokenError(response, 400, "invalid_request");
    }

    // RFC 6749 §4.1.3: redirect_uri must be identical to the authorization request's.
    @Test
    void whenRedirectUriDiffersFromTheAuthorizationRequestsThenInvalidGrant() {
        String code = browser.sandboxCode("dave");
        assertTokenError(tokens.exchange(code, "http://localhost:65010/elsewhere"), 400, "invalid_grant");
    }

    // RFC 6749 §5.2: a missing required parameter is invalid_request.
    @Test
    void whenGrantTypeIsMissingThenInvalidRequest() {
        String code = browser.sandboxCode("dave");
        HttpResponse<String> response = api.postWithBasic(TokenCalls.TOKEN_PATH,
                form("code", code, "redirect_uri", SandboxApp.REDIRECT_URI), SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
        assertTokenError(response, 400, "invalid_request");
    }

    // RFC 6749 §5.2: unsupported_grant_type for a grant this server does not offer.
    @Test
    void whenGrantTypeIsPasswordThenUnsupportedGrantType() {
        HttpResponse<String> response = api.postWithBasic(TokenCalls.TOKEN_PATH,
                form("grant_type", "password", "username", "dave", "password", "any password"),
                SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
        assertTokenError(response, 400, "unsupported_grant_type");
    }

    // RFC 6749 §5.2: unsupported_grant_type for a grant this server does not offer.
    @Test
    void whenGrantTypeIsClientCredentialsThenUnsupportedGrantType() {
        HttpResponse<String> response = api.postWithBasic(TokenCalls.TOKEN_PATH,
                form("grant_type", "client_credentials"), SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
        assertTokenError(response, 400, "unsupported_grant_type");
    }

    // RFC 6749 §3.2: request and response parameters must not be included more than once.
    @Test
    void whenAParameterIsRepeatedThenInvalidRequest() {
        String code = browser.sandboxCode("dave");
        String encodedCode = URLEncoder.encode(code, StandardCharsets.UTF_8);
        String body = "grant_type=authorization_code&code=" + encodedCode + "&code=" + encodedCode
                + "&redirect_uri=" + URLEncoder.encode(SandboxApp.REDIRECT_URI, StandardCharsets.UTF_8);
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(tokenUri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", Api.basic(SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertTokenError(response, 400, "invalid_request");
    }

    // RFC 6749 §3.2: the client must use POST; RFC 9110 §15.5.6: 405 names the allowed methods.
    @Test
    void whenTokenEndpointIsReadWithGetThenMethodNotAllowed() {
        String code = browser.sandboxCode("dave");
        HttpResponse<String> response = api.get(TokenCalls.TOKEN_PATH + "?grant_type=authorization_code&code="
                + URLEncoder.encode(code, StandardCharsets.UTF_8), "Authorization",
                Api.basic(SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET));
        assertMethodNotAllowed(response);
    }

    // RFC 6749 §3.2: the client must use POST; RFC 9110 §15.5.6: 405 names the allowed methods.
    @Test
    void whenTokenEndpointIsSentAPutThenMethodNotAllowed() {
        String code = browser.sandboxCode("dave");
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(tokenUri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", Api.basic(SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET))
                .PUT(HttpRequest.BodyPublishers.ofString(Browser.form(form("grant_type", "authorization_code",
                        "code", code, "redirect_uri", SandboxApp.REDIRECT_URI)))));
        assertMethodNotAllowed(response);
    }

    // RFC 6749 §4.1.2: a code is single use, whichever token call redeems it.
    @Test
    void whenCodeRedeemedByPostThenTheLegacyCallGetsInvalidGrant() {
        String code = browser.sandboxCode("dave");
        tokens.sandboxTokens(code);
        assertTokenError(api.accessToken(code, SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET), 400, "invalid_grant");
    }

    // RFC 6749 §4.1.2: a code is single use, whichever token call redeems it.
    @Test
    void whenCodeRedeemedByTheLegacyCallThenPostGetsInvalidGrant() {
        String code = browser.sandboxCode("dave");
        api.redeem(code);
        assertTokenError(tokens.exchange(code, SandboxApp.REDIRECT_URI), 400, "invalid_grant");
    }

    // RFC 6749 §4.1.2, §10.5: a replayed code is refused and the tokens issued from it are revoked.
    @Test
    void whenCodeReplayedThenInvalidGrantAndTheFirstRedemptionsTokensAreRevoked() {
        String code = browser.sandboxCode("dave");
        JsonObject first = tokens.sandboxTokens(code);
        String accessToken = first.getString("access_token");
        String refreshToken = first.getString("refresh_token");
        assertEquals(200, api.withBearer("account/info", accessToken).statusCode());

        assertTokenError(tokens.exchange(code, SandboxApp.REDIRECT_URI), 400, "invalid_grant");

        assertBearerError(api.withBearer("account/info", accessToken), 401, "invalid_token");
        assertTokenError(tokens.refresh(refreshToken), 400, "invalid_grant");
    }

    // RFC 6749 §4.1.3: the code must have been issued to the authenticated client; it is used up all the same.
    @Test
    void whenAnotherClientPresentsTheCodeThenInvalidGrantAndTheCodeIsUsedUp() {
        String code = browser.sandboxCode("dave");
        HttpResponse<String> stolen = api.postWithBasic(TokenCalls.TOKEN_PATH,
                form("grant_type", "authorization_code", "code", code, "redirect_uri", SandboxApp.REDIRECT_URI),
                TestClients.OTHER_ID, TestClients.OTHER_SECRET);
        assertTokenError(stolen, 400, "invalid_grant");
        assertTokenError(tokens.exchange(code, SandboxApp.REDIRECT_URI), 400, "invalid_grant");
    }

    private static void assertMethodNotAllowed(HttpResponse<String> response) {
        assertEquals(405, response.statusCode(), response.body());
        String allow = response.headers().firstValue("Allow").orElse("");
        assertTrue(allow.contains("POST"), "Allow: " + allow);
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("invalid_request", Api.json(response).getString("error"), response.body());
    }

    private URI tokenUri() {
        return server().resolve(TokenCalls.TOKEN_PATH);
    }
}
