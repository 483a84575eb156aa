package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer's pages hold against forged forms, framing, leaking referrers and session fixation. */
class PageSecurityIT extends DeployedWar {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @BeforeEach
    void setUp() {
        api.resetClock();
    }

    private static Map<String, String> request(String... more) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", SandboxApp.CLIENT_ID);
        query.put("redirect_uri", SandboxApp.REDIRECT_URI);
        query.put("prompt", "consent");
        for (int i = 0; i < more.length; i += 2) {
            query.put(more[i], more[i + 1]);
        }
        return query;
    }

    // RFC 6749 §10.13 (clickjacking), RFC 9700 §4.16; no inline script; no Referer carrying codes.
    @Test
    void whenAnyPageIsServedThenItCarriesTheSecurityHeaders() {
        Browser.Page login = browser.authorize(request());
        Browser.Page consent = browser.logIn(login, "dave", "pw");
        Browser.Page errorPage = browser.authorize(Map.of("client_id", "nobody", "redirect_uri", "https://x.example"));
        Browser.Page dashboard = browser.open(server().resolve("account/consents"));
        Browser.Page home = browser.open(server());
        for (Browser.Page page : List.of(login, consent, errorPage, dashboard, home)) {
            HttpHeaders headers = page.response().headers();
            String policy = headers.firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("frame-ancestors 'none'"), page.uri() + ": " + policy);
            assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline")
                    && !policy.contains("unsafe-eval"), page.uri() + ": " + policy);
            assertEquals(List.of("DENY"), headers.allValues("X-Frame-Options"), page.uri().toString());
            assertEquals("no-referrer", headers.firstValue("Referrer-Policy").orElse(null), page.uri().toString());
            assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(null), page.uri().toString());
            assertTrue(headers.allValues("Cache-Control").contains("no-store"), page.uri().toString());
            assertFalse(page.body().contains("<script>") || page.body().matches("(?s).*\\son[a-z]+=\".*"),
                    "inline script on " + page.uri());
        }
    }

    @Test
    void whenAnotherSiteAsksThenTheAuthorizationPagesSendNoCorsHeaders() {
        Browser.Page login = browser.authorize(request());
        for (Browser.Page page : List.of(login, browser.logIn(login, "dave", "pw"))) {
            assertTrue(page.response().headers().map().keySet().stream()
                    .noneMatch(h -> h.toLowerCase().startsWith("access-control-")), page.uri().toString());
        }
    }

    // RFC 6749 §10.12: a login form posted without the session's token changes nothing.
    @Test
    void whenTheFormTokenIsMissingThenTheLoginIsRefusedAndNothingChanges() {
        Browser.Page login = browser.authorize(request());
        List<Map.Entry<String, String>> fields = withCredentials(Browser.fieldsOf(login, "login"));
        fields.removeIf(f -> f.getKey().equals("_csrf"));

        Browser.Page refused = browser.post(login.uri().resolve("login.xhtml"), fields);

        assertEquals(403, refused.status());
        assertNull(refused.location());
        assertConsentNotReachable(login);
    }

    @Test
    void whenTheFormTokenIsForgedThenTheLoginIsRefused() {
        Browser.Page login = browser.authorize(request());
        List<Map.Entry<String, String>> fields = withCredentials(Browser.fieldsOf(login, "login"));
        fields.replaceAll(f -> f.getKey().equals("_csrf") ? Map.entry("_csrf", "A".repeat(43)) : f);

        assertEquals(403, browser.post(login.uri().resolve("login.xhtml"), fields).status());
        assertConsentNotReachable(login);
    }

    @Test
    void whenTheFormTokenComesFromAnotherSessionThenTheConsentIsRefused() {
        Browser.Page consent = browser.logIn(browser.authorize(request()), "dave", "pw");
        Browser other = new Browser(server());
        String othersToken = Browser.fieldsOf(other.logIn(other.authorize(request()), "jane", "pw"), "consent")
                .stream().filter(f -> f.getKey().equals("_csrf")).findFirst().orElseThrow().getValue();
        List<Map.Entry<String, String>> fields = new ArrayList<>(Browser.fieldsOf(consent, "consent"));
        fields.replaceAll(f -> f.getKey().equals("_csrf") ? Map.entry("_csrf", othersToken) : f);
        fields.add(Map.entry("consent:allow", "Allow"));

        Browser.Page refused = browser.post(consent.uri(), fields);

        assertEquals(403, refused.status());
        assertNull(refused.location(), "no code was issued");
        Browser.Page stillAsked = browser.decide(consent, "deny");
        assertTrue(stillAsked.location().contains("error=access_denied"), "the request was still pending");
    }

    // Session fixation: the session id changes when the customer logs in.
    @Test
    void whenTheCustomerLogsInThenTheSessionIdChanges() {
        Browser.Page login = browser.authorize(request());
        String before = browser.cookie("JSESSIONID");
        assertNotNull(before);
        browser.logIn(login, "dave", "pw");
        String after = browser.cookie("JSESSIONID");
        assertNotNull(after);
        assertNotEquals(before, after);
    }

    // RFC 9700 §4.12: after a POST, the redirect to the app is 302 or 303, never 307.
    @Test
    void whenTheCustomerAnswersThenTheRedirectIs303() {
        Browser.Page consent = browser.logIn(browser.authorize(request()), "dave", "pw");
        Browser.Page redirect = browser.decide(consent, "allow");
        assertEquals(303, redirect.status());
        assertTrue(URI.create(redirect.location()).getHost().equals("www3.sotong.io"));
    }

    // The headers follow the page the container serves, not the path as the client wrote it.
    @Test
    void whenThePathOfAPageHasDotSegmentsThenThePageStillCarriesNoStoreAndTheStrictPolicy() {
        Browser.Page login = browser.authorize(request());
        String query = "?" + login.uri().getRawQuery();
        RawHttp raw = new RawHttp(server());
        for (String path : List.of("/static/../login.xhtml", "/static/%2e%2e/login.xhtml", "/static/.%2E/login.xhtml",
                "/static/./../login.xhtml", "/webjars/../login.xhtml", "/.well-known/../login.xhtml",
                "/api-docs/../login.xhtml")) {
            RawHttp.Response page = raw.send(new RawHttp.Request("GET", path + query)
                    .header("Cookie", browser.cookieHeader()));
            assertEquals(200, page.status(), path + "\n" + page);
            assertNotNull(Jsoup.parse(page.text()).getElementById("login"), path + "\n" + page);
            assertEquals(List.of("no-store"), page.headers("Cache-Control"), path + "\n" + page);
            assertStrictPolicy(path, page);
        }
    }

    // Only Swagger UI's own page may have inline styles; the customer's consents page never.
    @Test
    void whenTheConsentsPageIsReachedThroughTheApiDocsFolderThenItCarriesTheStrictPolicy() {
        RawHttp raw = new RawHttp(server());
        for (String path : List.of("/api-docs/../account/consents", "/api-docs/%2e%2e/account/consents",
                "/api-docs/./../account/consents")) {
            RawHttp.Response page = raw.send(new RawHttp.Request("GET", path));
            assertEquals(200, page.status(), path + "\n" + page);
            assertNotNull(Jsoup.parse(page.text()).getElementById("login"), path + "\n" + page);
            assertEquals(List.of("no-store"), page.headers("Cache-Control"), path + "\n" + page);
            assertStrictPolicy(path, page);
        }
        RawHttp.Response apiDocs = raw.send(new RawHttp.Request("GET", "/api-docs/"));
        assertEquals(200, apiDocs.status(), apiDocs.toString());
        assertTrue(apiDocs.header("Content-Security-Policy").contains("style-src 'self' 'unsafe-inline'"),
                apiDocs.toString());
    }

    private static void assertStrictPolicy(String path, RawHttp.Response page) {
        String policy = page.header("Content-Security-Policy");
        assertNotNull(policy, path + "\n" + page);
        assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("style-src 'self';")
                && !policy.contains("unsafe-inline"), path + ": " + policy);
        assertEquals(List.of("DENY"), page.headers("X-Frame-Options"), path);
    }

    private static List<Map.Entry<String, String>> withCredentials(List<Map.Entry<String, String>> hidden) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(hidden);
        fields.add(Map.entry("login:username", "dave"));
        fields.add(Map.entry("login:password", "pw"));
        fields.add(Map.entry("login:signIn", "Log in"));
        return fields;
    }

    /** The request was not logged in: its consent page is not offered. */
    private void assertConsentNotReachable(Browser.Page login) {
        String handle = Queries.parse(login.uri().getRawQuery()).get("request");
        Browser.Page consent = browser.open(login.uri().resolve("consent.xhtml?request=" + handle));
        assertEquals(400, consent.status());
        assertNull(consent.document().getElementById("consent"));
    }
}
