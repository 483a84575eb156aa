package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * What a request from nobody in particular may cost the server: parameters of bounded length, sessions only where
 * a request is under way and short-lived until someone logs in, and memory that stays bounded under a flood.
 */
class AnonymousRequestsIT extends DeployedWar {

    /** The longest parameter value the server takes. */
    static final int MAX_LENGTH = 1024;
    /** What 10,000 anonymous authorization requests, each with the longest state, may leave on the heap. */
    static final long FLOOD_BOUND_BYTES = 60L * 1000 * 1000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    private String authorizeQuery(String state) {
        return "account/authorize?" + Browser.form(Map.of("client_id", SandboxApp.CLIENT_ID,
                "redirect_uri", SandboxApp.REDIRECT_URI, "state", state));
    }

    @Test
    void whenTheStateIsLongerThanTheLimitThenTheAppGetsInvalidRequestWithoutIt() {
        HttpResponse<String> longest = api.get(authorizeQuery("s".repeat(MAX_LENGTH)));
        assertEquals(303, longest.statusCode());
        assertTrue(longest.headers().firstValue("Location").orElseThrow().contains("login.xhtml?request="));

        HttpResponse<String> tooLong = api.get(authorizeQuery("s".repeat(MAX_LENGTH + 1)));
        assertEquals(303, tooLong.statusCode());
        String location = tooLong.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(SandboxApp.REDIRECT_URI + "?error=invalid_request"), location);
        assertTrue(location.contains("longer+than+1024") || location.contains("longer%20than%201024"), location);
        assertFalse(location.contains("state="), "the state is not sent back: " + location);
        assertTrue(tooLong.headers().firstValue("Set-Cookie").isEmpty(), "no session for a refused request");
    }

    @Test
    void whenAParameterIsTooLongBeforeTheRedirectUriIsTrustedThenTheCustomerGetsAnErrorPage() {
        HttpResponse<String> response = api.get("account/authorize?" + Browser.form(Map.of(
                "client_id", "c".repeat(MAX_LENGTH + 1), "redirect_uri", SandboxApp.REDIRECT_URI)));
        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(response.body().contains("longer than 1024 characters"), response.body());
        assertTrue(response.headers().firstValue("Location").isEmpty());
    }

    @Test
    void whenATokenParameterIsTooLongThenInvalidRequestAsJson() {
        HttpResponse<String> response = api.postWithBasic("account/token", Map.of("grant_type", "refresh_token",
                "refresh_token", "r".repeat(MAX_LENGTH + 1)), SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("invalid_request", Api.json(response).getString("error"));
    }

    @Test
    void whenARequestIsRefusedOrNeedsNoSessionThenNoSessionIsMade() {
        for (String path : new String[] {"account/authorize?client_id=unknown&redirect_uri=http://localhost/cb",
                authorizeQuery("x") + "&response_type=token", ".well-known/oauth-authorization-server",
                "account/balance"}) {
            HttpResponse<String> response = api.get(path);
            assertTrue(response.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                    path + " " + response.headers().map());
        }
    }

    @Test
    void whenNobodyHasLoggedInThenTheSessionLivesTenMinutesAndALoginGivesItHalfAnHour() {
        Browser.Page login = browser.authorize(Map.of("client_id", SandboxApp.CLIENT_ID,
                "redirect_uri", SandboxApp.REDIRECT_URI, "prompt", "consent"));
        assertEquals("600", sessionLife());
        browser.logIn(login, "dave", "any password");
        assertEquals("1800", sessionLife());
    }

    // A browser session holds at most 16 requests under way: the oldest gives way to the newest.
    @Test
    void whenOneSessionStartsSeventeenRequestsThenTheOldestIsGone() {
        List<Browser.Page> logins = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            logins.add(browser.authorize(Map.of("client_id", SandboxApp.CLIENT_ID,
                    "redirect_uri", SandboxApp.REDIRECT_URI, "state", "tab" + i)));
        }
        Browser.Page first = browser.open(logins.get(0).uri());
        assertEquals(400, first.status());
        assertNull(first.document().getElementById("login"));
        for (int i = 1; i < 17; i++) {
            Browser.Page again = browser.open(logins.get(i).uri());
            assertEquals(200, again.status(), "request " + i);
        }
    }

    private String sessionLife() {
        return browser.open(server().resolve("test-support/session")).body();
    }

    /*
     * 10,000 authorization requests from browsers without cookies, each with the longest state: each makes a
     * session holding its request, which is what a customer about to log in needs. After a full collection the
     * heap holds at most FLOOD_BOUND_BYTES more than before, 6 KB a request, and all of it goes ten minutes later.
     */
    @Test
    void whenTenThousandAnonymousAuthorizationsArriveThenTheHeapStaysWithinItsBound() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI target = server().resolve(authorizeQuery("s".repeat(MAX_LENGTH)));
        send(http, target);
        long before = usedHeap();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                answers.add(pool.submit(() -> {
                    int seeOther = 0;
                    for (int i = 0; i < 1250; i++) {
                        seeOther += send(http, target) == 303 ? 1 : 0;
                    }
                    return seeOther;
                }));
            }
            int total = 0;
            for (Future<Integer> answer : answers) {
                total += answer.get();
            }
            assertEquals(10_000, total);
        } finally {
            pool.shutdown();
        }
        long grown = usedHeap() - before;
        System.out.printf("10,000 anonymous authorization requests: heap after full GC grew %,d bytes (%,d a request)%n",
                grown, grown / 10_000);
        assertTrue(grown < FLOOD_BOUND_BYTES, "heap grew " + grown + " bytes");
    }

    private static int send(HttpClient http, URI target) throws Exception {
        return http.send(HttpRequest.newBuilder(target).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private long usedHeap() {
        HttpResponse<String> response = api.post("test-support/heap", Map.of());
        assertEquals(200, response.statusCode(), response.body());
        return Long.parseLong(response.body().strip());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
