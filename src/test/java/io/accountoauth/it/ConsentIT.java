package io.accountoauth.it;

import static io.accountoauth.it.TokenCalls.assertBearerError;
import static io.accountoauth.it.TokenCalls.assertError;
import static io.accountoauth.it.TokenCalls.assertErrorRedirect;
import static io.accountoauth.it.TokenCalls.assertInvalidToken;
import static io.accountoauth.it.TokenCalls.assertTokens;
import static io.accountoauth.it.TokenCalls.form;
import static io.accountoauth.it.TokenCalls.redirectParameters;
import static io.accountoauth.it.TokenCalls.sandboxRequest;
import static io.accountoauth.it.TokenEndpoints.assertActive;
import static io.accountoauth.it.TokenEndpoints.assertInactive;
import static io.accountoauth.it.TokenEndpoints.introspect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accountoauth.testsupport.TestClients;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Consents: the customer grants what they tick, a consent is remembered until it ends, the customer sees and
 * revokes theirs on the dashboard at /account/consents, the app reads and gives up its own with
 * GET and DELETE /account/consents/{id}, and no token outlives its consent.
 *
 * <p>Consents are remembered per customer and client for the whole deployment, so every test that needs the
 * consent page either sends {@code prompt=consent} or registers an app of its own.
 */
class ConsentIT extends DeployedWar {

    private static final String CONSENTS = "account/consents";
    private static final String APP_REDIRECT_URI = "https://app.example/cb";
    private static final Duration CONSENT_LIFETIME = Duration.ofDays(90);
    private static final DateTimeFormatter EXPIRY_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final String SANDBOX_APP_NAME = "My Money Managing App";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    URI root;
    TokenCalls tokens;

    @BeforeEach
    void setUp() {
        root = server();
        api.resetClock();
        tokens = new TokenCalls(api);
    }

    // The customer may grant a subset: the token's scope is what was granted, and the API holds it to that.
    @Test
    void whenCustomerUnticksBalanceThenTheTokenAndTheConsentCoverInfoOnly() {
        Browser.Page page = consentPage(browser, sandboxRequest("scope", "read", "prompt", "consent"), "dave");
        assertEquals(List.of("info", "balance"), permissionBoxes(page));

        Browser.Page redirect = browser.allowOnly(page, "info");

        JsonObject body = tokens.sandboxTokens(code(redirect));
        assertEquals("info", body.getString("scope"), body.toString());
        String consentId = body.getString("consent_id", "");
        assertFalse(consentId.isEmpty(), "the token response names its consent: " + body);
        String accessToken = body.getString("access_token");
        assertEquals(200, api.withBearer("account/info", accessToken).statusCode());
        assertBearerError(api.withBearer("account/balance", accessToken), 403, "insufficient_scope");

        JsonObject consent = sandboxConsent(consentId);
        assertEquals(consentId, consent.getString("consent_id"));
        assertEquals("AUTHORISED", consent.getString("status"));
        assertEquals("info", consent.getString("scope"));
        assertEquals(List.of("info"), strings(consent, "permissions"));
        assertEquals(SandboxApp.CLIENT_ID, consent.getString("client_id"));

        JsonObject refreshed = assertTokens(tokens.refresh(body.getString("refresh_token")));
        assertEquals("info", refreshed.getString("scope"), "a refresh keeps to what was granted");
        assertEquals(consentId, refreshed.getString("consent_id"));
    }

    // Ticking nothing and pressing Allow is a refusal: access_denied, and the consent is REJECTED.
    @Test
    void whenCustomerGrantsNothingThenAccessDeniedAndTheConsentIsRejected() {
        App app = register("Nothing Granted");
        Browser.Page page = consentPage(browser, app.request("scope", "read", "state", "s-nothing"), "dave");

        Browser.Page redirect = browser.allowOnly(page);

        assertErrorRedirect(redirect, APP_REDIRECT_URI, "access_denied", "s-nothing", TokenCalls.issuer(root));

        Browser.Page list = dashboard(new Browser(root), "dave");
        Element section = sectionOfApp(list, app.name());
        assertEquals("REJECTED", section.attr("data-status"));
        assertNull(section.selectFirst(".revoke"), "a rejected consent cannot be revoked");
        JsonObject consent = consentAs(app, section.attr("data-consent-id"));
        assertEquals("REJECTED", consent.getString("status"));
        assertEquals(List.of("AWAITING_AUTHORISATION", "REJECTED"), historyStatuses(consent));
        assertFalse(consent.containsKey("authorised_at"), consent.toString());
        assertFalse(consent.containsKey("expires_at"), consent.toString());
    }

    // An app's name in a right-to-left script is shown isolated (<bdi>): it cannot reorder the text around it.
    @Test
    void whenAnAppNameIsRightToLeftThenEveryPageShowsItIsolated() {
        App app = register("\u05d1\u05e0\u05e7 \u05d4\u05db\u05e1\u05e3");
        Browser.Page login = browser.authorize(app.request("scope", "read"));
        assertIsolated(login.document().selectFirst("p.lead"), app.name());

        Browser.Page consent = browser.logIn(login, "dave", "any password");
        assertIsolated(consent.document().selectFirst("h1"), app.name());
        assertTrue(consent.document().selectFirst("h1").ownText().startsWith("Allow"), consent.body());
        browser.decide(consent, "allow");

        Browser.Page list = dashboard(new Browser(root), "dave");
        assertIsolated(sectionOfApp(list, app.name()).selectFirst("h2 a"), app.name());
    }

    /** The element shows the name, all of it and nothing else, inside a bdi element. */
    private static void assertIsolated(Element shown, String name) {
        assertNotNull(shown);
        Element isolated = shown.selectFirst("bdi");
        assertNotNull(isolated, () -> "not isolated: " + shown.outerHtml());
        assertEquals(name, isolated.text(), shown.outerHtml());
    }

    // The consent page names the app, where the answer goes, and the date the consent would end: 90 days on.
    @Test
    void whenConsentPageIsShownThenItNamesTheAppTheRedirectHostAndTheExpiryDate() {
        App app = register("Expiry Display");
        String before = EXPIRY_DATE.format(Instant.now().plus(CONSENT_LIFETIME));

        Browser.Page page = consentPage(browser, app.request("scope", "read"), "dave");

        String after = EXPIRY_DATE.format(Instant.now().plus(CONSENT_LIFETIME));
        Document document = page.document();
        assertEquals(app.name(), document.selectFirst("h1 .app").text());
        assertEquals("app.example", document.selectFirst("#consent code").text());
        String shown = document.selectFirst("#consent .expiry").text();
        assertTrue(shown.equals(before) || shown.equals(after), "expiry shown: " + shown + ", expected " + before);
        assertTrue(page.body().contains("Dave Thompson"), "the customer sees who is logged in");
        assertEquals(List.of("info", "balance"), permissionBoxes(page));
        assertEquals(2, document.select("#consent input[type=checkbox][checked]").size(), "each starts ticked");
    }

    // An authorised, unexpired consent that covers the request skips the consent page; the customer still logs in.
    @Test
    void whenConsentIsRememberedThenTheSecondAuthorizationSkipsTheConsentPage() {
        App app = register("Remembered");
        Browser.Page first = consentPage(browser, app.request("state", "one"), "dave");
        JsonObject firstTokens = app.exchange(code(browser.decide(first, "allow")));
        String consentId = firstTokens.getString("consent_id");

        Browser second = new Browser(root);
        Browser.Page login = second.authorize(app.request("state", "two"));
        assertNotNull(login.document().getElementById("login"), "the customer still logs in: " + login.body());
        Browser.Page answered = second.logIn(login, "dave", "any password");

        Map<String, String> answer = redirectParameters(answered);
        assertTrue(answered.location().startsWith(APP_REDIRECT_URI + "?"), answered.location());
        assertEquals("two", answer.get("state"));
        JsonObject secondTokens = app.exchange(answer.get("code"));
        assertEquals(consentId, secondTokens.getString("consent_id"), "the same consent");
        assertEquals("read", secondTokens.getString("scope"));
        assertEquals(200, api.withBearer("account/balance", secondTokens.getString("access_token")).statusCode());
        assertEquals("AUTHORISED", consentAs(app, consentId).getString("status"));
    }

    // prompt=consent asks the customer even when a consent already covers the request.
    @Test
    void whenPromptConsentThenTheConsentPageIsShownEvenWithARememberedConsent() {
        App app = register("Prompted");
        String remembered = app.exchange(code(browser.approve(app.request(), "dave"))).getString("consent_id");
        Browser.Page skipped = new Browser(root).approve(app.request(), "dave");
        assertEquals(remembered, app.exchange(code(skipped)).getString("consent_id"), "the consent is remembered");

        Browser.Page page = consentPage(new Browser(root), app.request("prompt", "consent"), "dave");

        assertEquals(List.of("info", "balance"), permissionBoxes(page));
        assertEquals(app.name(), page.document().selectFirst("h1 .app").text());
    }

    // A request for more than the remembered consent covers is put to the customer again.
    @Test
    void whenRequestAsksForMoreThanTheRememberedConsentThenTheConsentPageIsShown() {
        App app = register("Wider Request");
        Browser.Page infoPage = consentPage(browser, app.request("scope", "info"), "dave");
        assertEquals(List.of("info"), permissionBoxes(infoPage));
        String consentId = app.exchange(code(browser.decide(infoPage, "allow"))).getString("consent_id");

        Browser.Page infoAgain = new Browser(root).approve(app.request("scope", "info"), "dave");
        assertEquals(consentId, app.exchange(code(infoAgain)).getString("consent_id"), "info is remembered");

        Browser.Page readPage = consentPage(new Browser(root), app.request("scope", "read"), "dave");
        assertEquals(List.of("info", "balance"), permissionBoxes(readPage));
        Browser.Page balancePage = consentPage(new Browser(root), app.request("scope", "balance"), "dave");
        assertEquals(List.of("balance"), permissionBoxes(balancePage));
    }

    // The server reads a customer's consents for an app a few at a time, newest first: a covering consent is found
    // behind more newer ones than one read holds.
    @Test
    void whenTheCoveringConsentIsOlderThanManyNarrowerOnesThenItIsStillRemembered() {
        App app = register("Many Consents");
        String wide = app.exchange(code(browser.decide(consentPage(browser, app.request("scope", "read"), "dave"),
                "allow"))).getString("consent_id");
        for (int i = 0; i < 10; i++) {
            Browser each = new Browser(root);
            Browser.Page narrow = consentPage(each, app.request("scope", "info", "prompt", "consent"), "dave");
            assertNotEquals(wide, app.exchange(code(each.decide(narrow, "allow"))).getString("consent_id"));
        }

        Browser last = new Browser(root);
        Browser.Page answered = last.logIn(last.authorize(app.request("scope", "balance")), "dave", "any password");

        assertNotNull(answered.location(), () -> "no consent page: " + answered.body());
        assertTrue(answered.location().startsWith(APP_REDIRECT_URI + "?"), answered.location());
        assertEquals(wide, app.exchange(redirectParameters(answered).get("code")).getString("consent_id"));
    }

    // The dashboard lists the customer's consents; Revoke ends the consent and every token under it at once.
    @Test
    void whenCustomerRevokesOnTheDashboardThenEveryTokenUnderTheConsentStops() {
        JsonObject body = promptedSandboxTokens("dave");
        String consentId = body.getString("consent_id");
        String accessToken = body.getString("access_token");
        String refreshToken = body.getString("refresh_token");
        assertEquals(200, api.withBearer("account/info", accessToken).statusCode());

        Browser dashboardBrowser = new Browser(root);
        Browser.Page list = dashboard(dashboardBrowser, "dave");
        Element section = section(list, consentId);
        assertEquals("AUTHORISED", section.attr("data-status"));
        assertEquals(SANDBOX_APP_NAME, section.selectFirst("h2 a").text());
        assertEquals(List.of("info", "balance"), section.select(".permission").eachAttr("class").stream()
                .map(c -> c.replace("permission permission-", "")).toList());
        assertFalse(section.selectFirst("dd.created").text().isBlank());
        assertFalse(section.selectFirst("dd.authorised").text().isBlank());
        assertFalse(section.selectFirst("dd.expires").text().isBlank());
        assertNotNull(section.selectFirst("dd.last-used"));

        Browser.Page detail = dashboardBrowser.submit(list, "consents", revokeButton(section), Map.of());

        assertEquals(200, detail.status(), detail.body());
        Element revoked = section(detail, consentId);
        assertEquals("REVOKED", revoked.attr("data-status"));
        assertNull(revoked.selectFirst(".revoke"), "a revoked consent has no Revoke button");
        assertTrue(revoked.selectFirst("dd.revoked").text().contains("customer:dave"), revoked.outerHtml());

        assertInvalidToken(api.withBearer("account/info", accessToken));
        assertInactive(introspect(api, accessToken));
        assertInactive(introspect(api, refreshToken));
        assertError(tokens.refresh(refreshToken), 400, "invalid_grant");

        JsonObject consent = sandboxConsent(consentId);
        assertEquals("REVOKED", consent.getString("status"));
        assertEquals("customer", consent.getString("revoked_by"));
        assertNotNull(consent.getString("revoked_at", null), consent.toString());

        Browser.Page reopened = dashboardBrowser.open(root.resolve(CONSENTS + "?id=" + consentId));
        assertEquals(200, reopened.status(), reopened.body());
        assertEquals(List.of("AWAITING_AUTHORISATION", "AUTHORISED", "REVOKED"),
                section(reopened, consentId).select("li.event .event-status").eachText());
    }

    // The app gives a consent up with DELETE: 204, and its tokens stop at once.
    @Test
    void whenAppDeletesTheConsentThenItIsRevokedByTheClientAndItsTokensStop() {
        JsonObject body = promptedSandboxTokens("dave");
        String consentId = body.getString("consent_id");
        String accessToken = body.getString("access_token");
        String refreshToken = body.getString("refresh_token");
        assertEquals(200, api.withBearer("account/balance", accessToken).statusCode());

        HttpResponse<String> deleted = api.delete(CONSENTS + "/" + consentId,
                "Authorization", Api.basic(SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET));

        assertEquals(204, deleted.statusCode(), deleted.body());
        assertInvalidToken(api.withBearer("account/balance", accessToken));
        assertInactive(introspect(api, accessToken));
        assertInactive(introspect(api, refreshToken));
        assertError(tokens.refresh(refreshToken), 400, "invalid_grant");
        JsonObject consent = sandboxConsent(consentId);
        assertEquals("REVOKED", consent.getString("status"));
        assertEquals("client", consent.getString("revoked_by"));
        assertEquals(List.of("AWAITING_AUTHORISATION", "AUTHORISED", "REVOKED"), historyStatuses(consent));
    }

    // Consents last 90 days: after that the consent is EXPIRED, no longer remembered, and its refresh token ends.
    @Test
    void whenTheConsentExpiresThenItIsExpiredNotRememberedAndItsTokensEnd() {
        App app = register("Expiring");
        JsonObject body = app.exchange(code(browser.approve(app.request(), "dave")));
        String consentId = body.getString("consent_id");
        JsonObject authorised = consentAs(app, consentId);
        assertEquals("AUTHORISED", authorised.getString("status"));
        Instant authorisedAt = Instant.parse(authorised.getString("authorised_at"));
        Instant expiresAt = Instant.parse(authorised.getString("expires_at"));
        assertEquals(CONSENT_LIFETIME, Duration.between(authorisedAt, expiresAt), "90 days by default");

        api.advanceClock(CONSENT_LIFETIME.toSeconds() + 1);

        JsonObject expired = consentAs(app, consentId);
        assertEquals("EXPIRED", expired.getString("status"));
        assertEquals(List.of("AWAITING_AUTHORISATION", "AUTHORISED", "EXPIRED"), historyStatuses(expired));
        assertEquals(expiresAt.toString(), expired.getJsonArray("history").getJsonObject(2).getString("at"),
                "the expiry is recorded at the time it happened");
        assertError(app.refresh(body.getString("refresh_token")), 400, "invalid_grant");
        assertInvalidToken(api.withBearer("account/info", body.getString("access_token")));

        Browser.Page page = consentPage(new Browser(root), app.request(), "dave");
        assertEquals(List.of("info", "balance"), permissionBoxes(page));

        Element section = section(dashboard(new Browser(root), "dave"), consentId);
        assertEquals("EXPIRED", section.attr("data-status"));
        assertNull(section.selectFirst(".revoke"), "an expired consent has no Revoke button");
    }

    // Refreshing keeps working until the consent ends (day 89 included), and no refresh token outlives it.
    @Test
    void whenRefreshedUntilDay89ThenItStillWorksAndTheRefreshTokenEndsWithTheConsent() {
        JsonObject body = promptedSandboxTokens("dave");
        String consentId = body.getString("consent_id");
        Instant expiresAt = Instant.parse(sandboxConsent(consentId).getString("expires_at"));
        String refreshToken = body.getString("refresh_token");

        Duration day89 = Duration.ofDays(89);
        Duration step = Duration.ofHours(23);
        Duration elapsed = Duration.ZERO;
        while (elapsed.plus(step).compareTo(day89) < 0) {
            api.advanceClock(step.toSeconds());
            elapsed = elapsed.plus(step);
            refreshToken = assertTokens(tokens.refresh(refreshToken)).getString("refresh_token");
        }
        api.advanceClock(day89.minus(elapsed).toSeconds());

        JsonObject atDay89 = assertTokens(tokens.refresh(refreshToken));
        assertEquals(consentId, atDay89.getString("consent_id"));
        assertEquals("read", atDay89.getString("scope"));
        assertEquals(200, api.withBearer("account/balance", atDay89.getString("access_token")).statusCode());
        String lastRefreshToken = atDay89.getString("refresh_token");
        JsonObject introspected = assertActive(introspect(api, lastRefreshToken));
        assertTrue(introspected.getJsonNumber("exp").longValue() <= expiresAt.getEpochSecond(),
                "the refresh token is capped at the consent's expiry: " + introspected + " vs " + expiresAt);

        api.advanceClock(Duration.ofDays(1).plusSeconds(1).toSeconds());

        assertError(tokens.refresh(lastRefreshToken), 400, "invalid_grant");
        assertEquals("EXPIRED", sandboxConsent(consentId).getString("status"));
    }

    // A customer sees only their own consents; another's id is 404 on the dashboard and for another app.
    @Test
    void whenAnotherCustomerOrAnotherAppAsksForTheConsentThenNotFoundAndNothingIsShown() {
        JsonObject body = promptedSandboxTokens("dave");
        String daveConsent = body.getString("consent_id");

        Browser jane = new Browser(root);
        Browser.Page janeList = dashboard(jane, "jane");
        assertFalse(janeList.body().contains(daveConsent), "jane's list does not show dave's consent");
        Browser.Page opened = jane.open(root.resolve(CONSENTS + "?id=" + daveConsent));

        assertEquals(404, opened.status(), opened.body());
        assertFalse(opened.body().contains(daveConsent), opened.body());
        assertTrue(opened.document().select("section.consent").isEmpty(), opened.body());
        assertTrue(opened.document().select(".revoke").isEmpty(), "nothing to revoke");
        assertFalse(opened.body().contains("Dave Thompson"), opened.body());
        assertTrue(opened.body().contains("jane"), "still jane's dashboard");

        HttpResponse<String> asOther = api.get(CONSENTS + "/" + daveConsent,
                "Authorization", Api.basic(TestClients.OTHER_ID, TestClients.OTHER_SECRET));
        assertError(asOther, 404, "not_found");
        assertFalse(asOther.body().contains("dave"), asOther.body());
        HttpResponse<String> deletedByOther = api.delete(CONSENTS + "/" + daveConsent,
                "Authorization", Api.basic(TestClients.OTHER_ID, TestClients.OTHER_SECRET));
        assertError(deletedByOther, 404, "not_found");

        assertEquals("AUTHORISED", sandboxConsent(daveConsent).getString("status"));
        assertEquals(200, api.withBearer("account/info", body.getString("access_token")).statusCode());
    }

    // The app's status call follows the consent: AUTHORISED, then last_used_at after a call, then REVOKED.
    @Test
    void whenTheConsentIsUsedAndRevokedThenTheAppsStatusCallReflectsEachChange() {
        JsonObject body = promptedSandboxTokens("jane");
        String consentId = body.getString("consent_id");

        JsonObject authorised = sandboxConsent(consentId);
        assertEquals("AUTHORISED", authorised.getString("status"));
        assertEquals("read", authorised.getString("scope"));
        assertNotNull(authorised.getString("created_at", null));
        assertNotNull(authorised.getString("authorised_at", null));
        assertNotNull(authorised.getString("expires_at", null));
        assertFalse(authorised.containsKey("last_used_at"), "not used yet: " + authorised);
        assertFalse(authorised.containsKey("revoked_at"), authorised.toString());

        assertEquals(200, api.withBearer("account/info", body.getString("access_token")).statusCode());

        JsonObject used = sandboxConsent(consentId);
        assertEquals("AUTHORISED", used.getString("status"));
        assertNotNull(used.getString("last_used_at", null), "a call sets last_used_at: " + used);
        assertFalse(Instant.parse(used.getString("last_used_at"))
                .isBefore(Instant.parse(used.getString("authorised_at"))));

        Browser dashboardBrowser = new Browser(root);
        Browser.Page list = dashboard(dashboardBrowser, "jane");
        Element section = section(list, consentId);
        assertNotEquals("never", section.selectFirst("dd.last-used").text(), "the dashboard shows the last use");
        dashboardBrowser.submit(list, "consents", revokeButton(section), Map.of());

        JsonObject revoked = sandboxConsent(consentId);
        assertEquals("REVOKED", revoked.getString("status"));
        assertEquals("customer", revoked.getString("revoked_by"));
        assertNotNull(revoked.getString("revoked_at", null));
        assertEquals(List.of("AWAITING_AUTHORISATION", "AUTHORISED", "REVOKED"), historyStatuses(revoked));
    }

    // The dashboard has its own login: it approves nothing, the flow's login does not open it, and logging out ends it.
    // One login per browser session (Jakarta Security's caller): the dashboard's and the one for an app's request
    // are the same. Each app's request still asks the customer to log in, and logging out ends the session's login.
    @Test
    void whenLoggedInToTheDashboardThenAnAppsRequestStillAsksToLogInAndLogoutNeedsLoginAgain() {
        Browser.Page list = dashboard(browser, "dave");

        Browser.Page authorize = browser.authorize(sandboxRequest());
        assertEquals(200, authorize.status(), authorize.body());
        assertNull(authorize.location(), "nothing is approved by the dashboard login");
        assertTrue(authorize.uri().getPath().endsWith("/login.xhtml"), authorize.uri().toString());
        assertNotNull(authorize.document().getElementById("login"), authorize.body());

        Browser.Page loggedOut = browser.submit(browser.open(root.resolve(CONSENTS)), "session", "session:signOut",
                Map.of());
        assertDashboardLogin(loggedOut);
        assertDashboardLogin(browser.open(root.resolve(CONSENTS)));
        String anyId = list.document().select("section.consent").eachAttr("data-consent-id").stream()
                .findFirst().orElse("no-such-consent");
        assertDashboardLogin(browser.open(root.resolve(CONSENTS + "?id=" + anyId)));

    }

    @Test
    void whenLoggedInForAnAppsRequestThenTheDashboardShowsThatCustomerUntilLogout() {
        Browser flow = new Browser(root);
        consentPage(flow, sandboxRequest("prompt", "consent"), "dave");
        Browser.Page list = flow.open(root.resolve(CONSENTS));
        assertEquals(200, list.status(), list.body());
        assertNotNull(list.document().getElementById("session"), () -> "not logged in: " + list.body());
        assertTrue(list.document().getElementById("session").text().contains("dave"), list.body());

        assertDashboardLogin(flow.submit(list, "session", "session:signOut", Map.of()));
        assertDashboardLogin(flow.open(root.resolve(CONSENTS)));
    }

    // The app's status call needs client authentication by HTTP Basic; a secret in the URL is refused.
    @Test
    void whenStatusCallHasNoClientAuthenticationOrTheSecretInTheQueryThenRefused() {
        String consentId = promptedSandboxTokens("dave").getString("consent_id");

        assertError(api.get(CONSENTS + "/" + consentId), 401, "invalid_client");
        assertError(api.get(CONSENTS + "/" + consentId + "?" + Browser.form(form("client_id", SandboxApp.CLIENT_ID,
                "client_secret", SandboxApp.CLIENT_SECRET))), 400, "invalid_request");
        HttpResponse<String> wrongSecret = api.get(CONSENTS + "/" + consentId,
                "Authorization", Api.basic(SandboxApp.CLIENT_ID, "wrong-secret"));
        assertError(wrongSecret, 401, "invalid_client");
        assertTrue(TokenCalls.challenge(wrongSecret).startsWith("Basic"), TokenCalls.challenge(wrongSecret));
        assertError(api.delete(CONSENTS + "/" + consentId), 401, "invalid_client");

        assertEquals("AUTHORISED", sandboxConsent(consentId).getString("status"));
    }

    /** An app registered for one test, with its own consents. */
    private record App(String clientId, String secret, String name, Api api) {

        Map<String, String> request(String... more) {
            Map<String, String> query = form("client_id", clientId, "redirect_uri", APP_REDIRECT_URI);
            query.putAll(form(more));
            return query;
        }

        JsonObject exchange(String code) {
            return assertTokens(api.postWithBasic(TokenCalls.TOKEN_PATH, form("grant_type", "authorization_code",
                    "code", code, "redirect_uri", APP_REDIRECT_URI), clientId, secret));
        }

        HttpResponse<String> refresh(String refreshToken) {
            return api.postWithBasic(TokenCalls.TOKEN_PATH, form("grant_type", "refresh_token",
                    "refresh_token", refreshToken), clientId, secret);
        }
    }

    /** Registers an app with a name no other test uses (at most 10 registrations per address an hour). */
    private App register(String purpose) {
        String name = purpose + " App " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = api.postJson("account/register",
                "{\"client_name\":\"" + name + "\",\"redirect_uris\":[\"" + APP_REDIRECT_URI + "\"]}");
        assertEquals(201, response.statusCode(), response.body());
        JsonObject body = Api.json(response);
        return new App(body.getString("client_id"), body.getString("client_secret"), name, api);
    }

    /** dave or jane allows everything the sandbox app asks for, on the consent page, and the app gets tokens. */
    private JsonObject promptedSandboxTokens(String customer) {
        Browser flow = new Browser(root);
        Browser.Page page = consentPage(flow, sandboxRequest("prompt", "consent"), customer);
        return tokens.sandboxTokens(code(flow.decide(page, "allow")));
    }

    /** Authorizes and logs in; the bank must show the consent page. */
    private static Browser.Page consentPage(Browser browser, Map<String, String> query, String customer) {
        Browser.Page login = browser.authorize(query);
        assertNotNull(login.document().getElementById("login"), () -> "no login page: " + login.body());
        Browser.Page page = browser.logIn(login, customer, "any password");
        assertEquals(200, page.status(), () -> "no consent page: " + page.location() + " " + page.body());
        assertNull(page.location());
        assertNotNull(page.document().getElementById("consent"), () -> "no consent form: " + page.body());
        return page;
    }

    /** The permissions the consent page offers, as checkbox values, in order. */
    private static List<String> permissionBoxes(Browser.Page page) {
        return page.document().select("#consent input[type=checkbox]").eachAttr("value");
    }

    /** The code in the redirect to the app. */
    private static String code(Browser.Page redirect) {
        String code = redirectParameters(redirect).get("code");
        assertNotNull(code, () -> "no code in " + redirect.location());
        return code;
    }

    /** Logs in to the dashboard at /account/consents and returns the list of the customer's consents. */
    private Browser.Page dashboard(Browser browser, String customer) {
        return dashboard(browser, root, customer);
    }

    /** Logs in to the dashboard of the server at {@code root} and returns the list of the customer's consents. */
    static Browser.Page dashboard(Browser browser, URI root, String customer) {
        Browser.Page login = browser.open(root.resolve(CONSENTS));
        assertDashboardLogin(login);
        Browser.Page list = browser.logIn(login, customer, "any password");
        assertEquals(200, list.status(), list.body());
        assertNotNull(list.document().getElementById("session"), () -> "not logged in: " + list.body());
        assertTrue(list.document().getElementById("session").text().contains(customer), list.body());
        return list;
    }

    /** The dashboard asks the customer to log in and shows no consent. */
    private static void assertDashboardLogin(Browser.Page page) {
        assertEquals(200, page.status(), () -> page.uri() + " " + page.body());
        assertTrue(page.uri().getPath().endsWith("/account/consents"), page.uri().toString());
        assertNotNull(page.document().getElementById("login"), () -> "no login form: " + page.body());
        assertNull(page.document().getElementById("session"), page.body());
        assertTrue(page.document().select("section.consent").isEmpty(), page.body());
    }

    static Element section(Browser.Page page, String consentId) {
        Element section = page.document().selectFirst("section.consent[data-consent-id=\"" + consentId + "\"]");
        assertNotNull(section, () -> "consent " + consentId + " not shown: " + page.body());
        return section;
    }

    private static Element sectionOfApp(Browser.Page page, String appName) {
        Elements sections = page.document().select("section.consent");
        List<Element> ofApp = sections.stream().filter(s -> s.selectFirst("h2 a").text().equals(appName)).toList();
        assertEquals(1, ofApp.size(), () -> "consents of " + appName + ": " + page.body());
        return ofApp.get(0);
    }

    /** The name of the section's Revoke button, to submit the form "consents" with. */
    static String revokeButton(Element section) {
        Element button = section.selectFirst(".revoke");
        assertNotNull(button, () -> "no Revoke button in " + section.outerHtml());
        return button.attr("name");
    }

    private JsonObject sandboxConsent(String consentId) {
        return consent(consentId, SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
    }

    private JsonObject consentAs(App app, String consentId) {
        return consent(consentId, app.clientId(), app.secret());
    }

    /** GET /account/consents/{id} as the client; must be 200, JSON and never cached. */
    private JsonObject consent(String consentId, String clientId, String secret) {
        HttpResponse<String> response = api.get(CONSENTS + "/" + consentId,
                "Authorization", Api.basic(clientId, secret));
        assertEquals(200, response.statusCode(), response.body());
        TokenEndpoints.assertJson(response);
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        return Api.json(response);
    }

    private static List<String> historyStatuses(JsonObject consent) {
        return consent.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("status")).toList();
    }

    private static List<String> strings(JsonObject json, String name) {
        return json.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
