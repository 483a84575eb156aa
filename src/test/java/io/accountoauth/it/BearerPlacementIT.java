package io.accountoauth.it;

import static io.accountoauth.it.TokenCalls.assertBearerError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where a bearer token may travel: the Authorization header only, never the query or a form body. */
class BearerPlacementIT extends DeployedWar {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    String token;

    @BeforeEach
    void setUp() {
        api.resetClock();
        token = api.redeem(browser.sandboxCode("dave"));
    }

    // RFC 9700 §4.3.2, RFC 6750 §2.3: a token in the URI query is refused.
    @Test
    void whenTheTokenIsInTheQueryThen400InvalidRequest() {
        HttpResponse<String> response = api.get("account/info?access_token=" + encoded(token));
        assertRefused(response);
    }

    // RFC 6750 §3.1: a request using more than one method to send the token is invalid_request.
    @Test
    void whenTheTokenIsInTheHeaderAndTheQueryThen400InvalidRequest() {
        HttpResponse<String> response = api.get("account/info?access_token=" + encoded(token),
                "Authorization", "Bearer " + token);
        assertRefused(response);
    }

    // RFC 9700 §4.3.2, RFC 6750 §2.2: a token in a form-encoded body is refused.
    @Test
    void whenTheTokenIsInAFormBodyThen400InvalidRequest() {
        // RFC 6750 §2.2: a form-encoded body parameter is only defined for methods whose body has semantics.
        assertRefused(send("POST", "access_token=" + encoded(token)));
    }

    // RFC 9110 §9.3.1: a GET body has no defined semantics; the server refuses it before the API sees it.
    @Test
    void whenAGetCarriesTheTokenInABodyThen400AndNoAccountData() {
        HttpResponse<String> response = send("GET", "access_token=" + encoded(token));
        assertEquals(400, response.statusCode());
        assertFalse(response.body().contains("account_owner"), response.body());
    }

    private HttpResponse<String> send(String method, String form) {
        HttpRequest request = HttpRequest.newBuilder(server().resolve("account/info"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** 400 invalid_request with the Bearer challenge; no account data; the token itself stays good in the header. */
    private void assertRefused(HttpResponse<String> response) {
        assertBearerError(response, 400, "invalid_request");
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        assertFalse(response.body().contains("account_owner"), response.body());
        assertEquals(200, api.withBearer("account/info", token).statusCode(), "the token itself is valid");
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
