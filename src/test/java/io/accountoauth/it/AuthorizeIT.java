package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The authorization endpoint, the login page and the consent page, as a browser meets them. */
class AuthorizeIT extends DeployedWar {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @BeforeEach
    void setUp() {
        api.resetClock();
    }

    static Map<String, String> sandboxRequest(String... more) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", SandboxApp.CLIENT_ID);
        query.put("redirect_uri", SandboxApp.REDIRECT_URI);
        for (int i = 0; i < more.length; i += 2) {
            query.put(more[i], more[i + 1]);
        }
        return query;
    }

    // RFC 6749 §4.1.2.1: with an invalid client or redirect URI the browser is not redirected.
    @Test
    void whenClientIdUnknownThenErrorPageAndNoRedirect() {
        Browser.Page page = browser.authorize(Map.of("client_id", "no-such-app", "redirect_uri", SandboxApp.REDIRECT_URI));
        assertErrorPage(page, "No app is registered with this client_id.");
    }

    @Test
    void whenClientIdMissingThenErrorPageAndNoRedirect() {
        Browser.Page page = browser.authorize(Map.of("redirect_uri", SandboxApp.REDIRECT_URI));
        assertErrorPage(page, "no client_id");
    }

    @Test
    void whenRedirectUriNotRegisteredThenErrorPageAndNoRedirect() {
        Browser.Page page = browser.authorize(Map.of("client_id", SandboxApp.CLIENT_ID,
                "redirect_uri", "https://attacker.example/steal"));
        assertErrorPage(page, "The redirect_uri is not registered for this app.");
    }

    @Test
    void whenRedirectUriIsRegisteredHostWithOtherPathThenErrorPage() {
        Browser.Page page = browser.authorize(Map.of("client_id", SandboxApp.CLIENT_ID,
                "redirect_uri", SandboxApp.REDIRECT_URI + "/elsewhere"));
        assertErrorPage(page, "not registered");
    }

    @Test
    void whenRedirectUriMissingThenErrorPageAndNoRedirect() {
        Browser.Page page = browser.authorize(Map.of("client_id", SandboxApp.CLIENT_ID));
        assertErrorPage(page, "no redirect_uri");
    }

    @Test
    void whenRedirectUriRepeatedThenErrorPage() {
        Browser.Page page = browser.open(server().resolve("account/authorize?client_id="
                + SandboxApp.CLIENT_ID + "&redirect_uri=http%3A%2F%2Fwww3.sotong.io&redirect_uri=https%3A%2F%2Fattacker.example"));
        assertErrorPage(page, "repeated");
    }

    @Test
    void whenErrorPageShowsThenNothingFromTheRequestIsRenderedAsMarkup() {
        Browser.Page page = browser.authorize(Map.of("client_id", "<script>alert(1)</script>",
                "redirect_uri", SandboxApp.REDIRECT_URI));
        assertEquals(400, page.status());
        assertFalse(page.body().contains("<script>"), page.body());
    }

    @Test
    void whenRequestIsValidThenLoginPageNamesTheApp() {
        Browser.Page page = browser.authorize(sandboxRequest());
        assertEquals(200, page.status());
        assertTrue(page.uri().getPath().endsWith("/login.xhtml"), page.uri().toString());
        assertTrue(page.body().contains("My Money Managing App"));
        assertNotNull(page.document().getElementById("login"));
        // Session ids travel in cookies only, never in URLs.
        assertFalse(page.body().toLowerCase().contains("jsessionid"), page.body());
    }

    @Test
    void whenUserUnknownThenLoginPageAgainWithMessage() {
        Browser.Page login = browser.authorize(sandboxRequest());
        Browser.Page again = browser.logIn(login, "mallory", "secret");
        assertEquals(200, again.status());
        assertNotNull(again.document().getElementById("login"), again.body());
        assertEquals("The user name or password is not right.", again.document().select(".alert").text());
    }

    @Test
    void whenPasswordEmptyThenLoginPageAgainWithMessage() {
        Browser.Page login = browser.authorize(sandboxRequest());
        Browser.Page again = browser.logIn(login, "dave", "");
        assertNotNull(again.document().getElementById("login"), again.body());
        assertEquals("The user name or password is not right.", again.document().select(".alert").text());
    }

    @Test
    void whenLoggedInThenConsentPageNamesAppCustomerAndWhatItReads() {
        Browser.Page consent = browser.logIn(browser.authorize(sandboxRequest("prompt", "consent")), "jane", "x");
        assertEquals(200, consent.status());
        assertTrue(consent.uri().getPath().endsWith("/consent.xhtml"), consent.uri().toString());
        assertTrue(consent.body().contains("My Money Managing App"));
        assertTrue(consent.body().contains("Jane Hamamoto"));
        assertEquals(1, consent.document().select("input[type=checkbox][value=info][checked]").size());
        assertEquals(1, consent.document().select("input[type=checkbox][value=balance][checked]").size());
        assertTrue(consent.body().contains("www3.sotong.io"));
    }

    @Test
    void whenConsentPageOpenedWithoutLoginThenNoDecisionIsOffered() {
        Browser.Page login = browser.authorize(sandboxRequest());
        String handle = Queries.parse(login.uri().getRawQuery()).get("request");
        Browser.Page consent = browser.open(login.uri().resolve("consent.xhtml?request=" + handle));
        assertEquals(400, consent.status());
        assertNull(consent.document().getElementById("consent"));
    }

    @Test
    void whenAnotherBrowserUsesTheRequestHandleThenItIsRefused() {
        Browser.Page login = browser.authorize(sandboxRequest());
        Browser other = new Browser(server());
        Browser.Page stolen = other.open(login.uri());
        assertEquals(400, stolen.status());
        assertNull(stolen.document().getElementById("login"));
    }

    // RFC 6749 §4.1.2: state comes back unchanged.
    @Test
    void whenStateIsSentThenItComesBackUnchangedWithTheCode() {
        String state = "a b&c=d/é?" + "<x>";
        Browser.Page redirect = browser.approve(sandboxRequest("state", state), "dave");
        Map<String, String> answer = Queries.parse(URI.create(redirect.location()).getRawQuery());
        assertEquals(state, answer.get("state"));
        assertNotNull(answer.get("code"));
    }

    @Test
    void whenTheAppUsesALoopbackRedirectOnAnyPortThenTheCodeGoesThere() {
        String redirectUri = "http://localhost:53127/oauth/callback";
        Browser.Page redirect = browser.approve(sandboxRequest("redirect_uri", redirectUri), "dave");
        assertTrue(redirect.location().startsWith(redirectUri + "?code="), redirect.location());
    }

    @Test
    void whenResponseTypeIsCodeThenTheFlowProceedsAsWithout() {
        Browser.Page redirect = browser.approve(sandboxRequest("response_type", "code"), "dave");
        assertNotNull(Queries.parse(URI.create(redirect.location()).getRawQuery()).get("code"));
    }

    // RFC 6749 §4.1.2.1: access_denied, with state.
    @Test
    void whenCustomerDeniesThenAppReceivesAccessDeniedWithState() {
        Browser.Page consent = browser.logIn(browser.authorize(sandboxRequest("state", "s-123", "prompt", "consent")), "dave", "pw");
        Browser.Page redirect = browser.decide(consent, "deny");
        assertEquals(303, redirect.status());
        URI location = URI.create(redirect.location());
        assertEquals("www3.sotong.io", location.getHost());
        Map<String, String> answer = Queries.parse(location.getRawQuery());
        assertEquals("access_denied", answer.get("error"));
        assertEquals("s-123", answer.get("state"));
        assertNull(answer.get("code"));
    }

    @Test
    void whenTheConsentIsAnsweredTwiceThenTheSecondAnswerChangesNothing() {
        Browser.Page consent = browser.logIn(browser.authorize(sandboxRequest("prompt", "consent")), "dave", "pw");
        Browser.Page first = browser.decide(consent, "allow");
        assertNotNull(first.location());
        Browser.Page second = browser.decide(consent, "allow");
        assertNull(second.location(), "a used request issued a second code");
    }

    // RFC 6749 §4.1.2.1: unsupported_response_type goes back to the app.
    @Test
    void whenResponseTypeIsTokenThenAppReceivesUnsupportedResponseType() {
        Browser.Page page = browser.authorize(sandboxRequest("response_type", "token", "state", "st"));
        assertEquals(303, page.status());
        Map<String, String> answer = Queries.parse(URI.create(page.location()).getRawQuery());
        assertEquals("unsupported_response_type", answer.get("error"));
        assertEquals("st", answer.get("state"));
    }

    // RFC 6749 §4.1.2.1: invalid_scope goes back to the app.
    @Test
    void whenScopeIsUnknownThenAppReceivesInvalidScope() {
        Browser.Page page = browser.authorize(sandboxRequest("scope", "read write"));
        assertEquals(303, page.status());
        assertEquals("invalid_scope", Queries.parse(URI.create(page.location()).getRawQuery()).get("error"));
    }

    private static void assertErrorPage(Browser.Page page, String message) {
        assertEquals(400, page.status(), page.body());
        assertNull(page.location(), "an error page must not redirect");
        assertTrue(page.response().headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains(message), page.body());
    }
}
