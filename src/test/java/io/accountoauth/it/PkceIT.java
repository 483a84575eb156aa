package io.accountoauth.it;

import static io.accountoauth.it.TokenCalls.assertErrorRedirect;
import static io.accountoauth.it.TokenCalls.assertTokenError;
import static io.accountoauth.it.TokenCalls.assertTokens;
import static io.accountoauth.it.TokenCalls.form;
import static io.accountoauth.it.TokenCalls.sandboxRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accountoauth.testsupport.TestClients;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proof Key for Code Exchange (RFC 7636) with S256, for the confidential sandbox app and a public app. */
class PkceIT extends DeployedWar {

    /** The public app's registered loopback redirect URI on a port the server does not use (RFC 8252 §7.3). */
    private static final String PUBLIC_REDIRECT_URI = "http://127.0.0.1:65010/callback";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    TokenCalls tokens;
    String issuer;

    @BeforeEach
    void setUp() {
        api.resetClock();
        tokens = new TokenCalls(api);
        issuer = TokenCalls.issuer(server());
    }

    // RFC 7636 §4.3, §4.5, §4.6: S256 challenge at authorize, verifier at the token endpoint.
    @Test
    void whenConfidentialClientProvesTheS256ChallengeThenTokenIssued() {
        PkcePair pkce = PkcePair.random();
        String code = browser.code(sandboxRequest("code_challenge", pkce.challenge(), "code_challenge_method", "S256"),
                "dave");
        JsonObject body = assertTokens(tokens.exchange(code, SandboxApp.REDIRECT_URI,
                "code_verifier", pkce.verifier()));
        assertEquals(200, api.withBearer("account/balance", body.getString("access_token")).statusCode());
    }

    // RFC 7636 §4.5, RFC 6749 §2.3 (token_endpoint_auth_method none): a public client names itself and proves PKCE.
    @Test
    void whenPublicClientProvesTheChallengeThenTokenIssuedAndItWorks() {
        PkcePair pkce = PkcePair.random();
        String code = browser.code(publicRequest("code_challenge", pkce.challenge(), "code_challenge_method", "S256"),
                "jane");
        HttpResponse<String> response = api.post(TokenCalls.TOKEN_PATH, form("grant_type", "authorization_code",
                "code", code, "redirect_uri", PUBLIC_REDIRECT_URI, "client_id", TestClients.PUBLIC_ID,
                "code_verifier", pkce.verifier()));
        JsonObject body = assertTokens(response);
        assertEquals("read", body.getString("scope"));
        HttpResponse<String> info = api.withBearer("account/info", body.getString("access_token"));
        assertEquals(200, info.statusCode(), info.body());
        assertTrue(info.body().contains("\"account_owner\":\"jane\""), info.body());
    }

    // RFC 9700 §2.1.1, RFC 7636 §4.4.1: a public client must send a code_challenge.
    @Test
    void whenPublicClientSendsNoChallengeThenItIsSentBackWithInvalidRequestAndNoLoginPage() {
        Browser.Page page = browser.authorize(publicRequest("state", "pub-1"));
        assertErrorRedirect(page, PUBLIC_REDIRECT_URI, "invalid_request", "pub-1", issuer);
    }

    // RFC 7636 §4.4.1: plain is refused where the server supports S256 only (RFC 9700 §2.1.1).
    @Test
    void whenMethodIsPlainThenInvalidRequest() {
        PkcePair pkce = PkcePair.random();
        assertRefused(sandboxRequest("code_challenge", pkce.verifier(), "code_challenge_method", "plain",
                "state", "s-plain"), "s-plain");
    }

    // RFC 7636 §4.4.1: an unsupported transformation is invalid_request.
    @Test
    void whenMethodIsUnknownThenInvalidRequest() {
        PkcePair pkce = PkcePair.random();
        assertRefused(sandboxRequest("code_challenge", pkce.challenge(), "code_challenge_method", "S512",
                "state", "s-unknown"), "s-unknown");
    }

    // RFC 7636 §4.3: without a method the challenge means plain, which is not supported here.
    @Test
    void whenChallengeHasNoMethodThenInvalidRequest() {
        PkcePair pkce = PkcePair.random();
        assertRefused(sandboxRequest("code_challenge", pkce.challenge(), "state", "s-none"), "s-none");
    }

    // RFC 7636 §4.2 (the ABNF of §4.1): a challenge is 43 to 128 characters.
    @Test
    void whenChallengeIs42CharactersThenInvalidRequest() {
        assertRefused(sandboxRequest("code_challenge", "a".repeat(42), "code_challenge_method", "S256",
                "state", "s-42"), "s-42");
    }

    // RFC 7636 §4.2 (the ABNF of §4.1): a challenge is 43 to 128 characters.
    @Test
    void whenChallengeIs129CharactersThenInvalidRequest() {
        assertRefused(sandboxRequest("code_challenge", "a".repeat(129), "code_challenge_method", "S256",
                "state", "s-129"), "s-129");
    }

    // RFC 7636 §4.2 (the ABNF of §4.1): the limits themselves, 43 and 128 characters, are accepted.
    @Test
    void whenChallengeIs43Or128CharactersThenTheCustomerIsAskedToLogIn() {
        for (int length : new int[] {43, 128}) {
            Browser.Page page = new Browser(server()).authorize(sandboxRequest(
                    "code_challenge", "a".repeat(length), "code_challenge_method", "S256"));
            assertEquals(200, page.status(), length + " characters: " + page.location());
            assertNotNull(page.document().getElementById("login"), length + " characters");
        }
    }

    // RFC 7636 §4.2: a challenge holds only the unreserved characters [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~".
    @Test
    void whenChallengeHasACharacterOutsideTheUnreservedSetThenInvalidRequest() {
        String challenge = PkcePair.random().challenge().substring(0, 42) + "+";
        assertRefused(sandboxRequest("code_challenge", challenge, "code_challenge_method", "S256",
                "state", "s-char"), "s-char");
    }

    // RFC 7636 §4.6: a verifier that does not match is invalid_grant; the code is used up by the attempt.
    @Test
    void whenVerifierIsWrongThenInvalidGrantAndTheRightVerifierFailsAfterwards() {
        PkcePair pkce = PkcePair.random();
        String code = browser.code(sandboxRequest("code_challenge", pkce.challenge(), "code_challenge_method", "S256"),
                "dave");
        assertTokenError(tokens.exchange(code, SandboxApp.REDIRECT_URI, "code_verifier", PkcePair.random().verifier()),
                400, "invalid_grant");
        assertTokenError(tokens.exchange(code, SandboxApp.REDIRECT_URI, "code_verifier", pkce.verifier()),
                400, "invalid_grant");
    }

    // RFC 7636 §4.6: a code issued with a challenge needs its verifier.
    @Test
    void whenVerifierIsMissingForACodeIssuedWithAChallengeThenInvalidGrant() {
        PkcePair pkce = PkcePair.random();
        String code = browser.code(sandboxRequest("code_challenge", pkce.challenge(), "code_challenge_method", "S256"),
                "dave");
        assertTokenError(tokens.exchange(code, SandboxApp.REDIRECT_URI), 400, "invalid_grant");
    }

    // RFC 9700 §4.8.2: a verifier for a code issued without a challenge is refused (PKCE downgrade).
    @Test
    void whenVerifierIsSentForACodeIssuedWithoutAChallengeThenInvalidGrant() {
        String code = browser.sandboxCode("dave");
        assertTokenError(tokens.exchange(code, SandboxApp.REDIRECT_URI, "code_verifier", PkcePair.random().verifier()),
                400, "invalid_grant");
    }

    private void assertRefused(Map<String, String> request, String state) {
        assertErrorRedirect(browser.authorize(request), SandboxApp.REDIRECT_URI, "invalid_request", state, issuer);
    }

    private static Map<String, String> publicRequest(String... more) {
        Map<String, String> query = form("client_id", TestClients.PUBLIC_ID, "redirect_uri", PUBLIC_REDIRECT_URI);
        query.putAll(form(more));
        return query;
    }
}
