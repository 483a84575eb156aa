package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The app's calls to the standard token endpoint, POST /account/token, and the checks on its answers
 * (RFC 6749 §5.1, §5.2), shared by the token endpoint ITs.
 */
final class TokenCalls {

    static final String TOKEN_PATH = "account/token";

    private final Api api;

    TokenCalls(Api api) {
        this.api = api;
    }

    /** Exchanges a code as the sandbox app, authenticated with client_secret_basic. */
    HttpResponse<String> exchange(String code, String redirectUri, String... more) {
        Map<String, String> form = form("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri);
        form.putAll(form(more));
        return api.postWithBasic(TOKEN_PATH, form, SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
    }

    /** Exchanges a code issued for the sandbox app's registered redirect URI; fails the test when refused. */
    JsonObject sandboxTokens(String code) {
        return assertTokens(exchange(code, SandboxApp.REDIRECT_URI));
    }

    /** Refreshes as the sandbox app, authenticated with client_secret_basic. */
    HttpResponse<String> refresh(String refreshToken, String... more) {
        return refreshAs(SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET, refreshToken, more);
    }

    HttpResponse<String> refreshAs(String clientId, String secret, String refreshToken, String... more) {
        Map<String, String> form = form("grant_type", "refresh_token", "refresh_token", refreshToken);
        form.putAll(form(more));
        return api.postWithBasic(TOKEN_PATH, form, clientId, secret);
    }

    /** Name-value pairs, in order. */
    static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    /** The authorization request parameters of the sandbox app with its registered redirect URI, plus more. */
    static Map<String, String> sandboxRequest(String... more) {
        Map<String, String> query = form("client_id", SandboxApp.CLIENT_ID, "redirect_uri", SandboxApp.REDIRECT_URI);
        query.putAll(form(more));
        return query;
    }

    /** RFC 9207: the issuer identifier the tests expect, the server's base URI without a trailing slash. */
    static String issuer(URI base) {
        String uri = base.toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /**
     * RFC 6749 §4.1.2.1, RFC 9207 §2: the browser is sent straight back to the app, with the error, the
     * request's state and the issuer, and is shown no login page.
     */
    static Map<String, String> assertErrorRedirect(Browser.Page page, String redirectUri, String error, String state,
            String issuer) {
        Map<String, String> answer = redirectParameters(page);
        assertTrue(page.location().startsWith(redirectUri + "?"), page.location());
        assertEquals(error, answer.get("error"), page.location());
        assertEquals(state, answer.get("state"), page.location());
        assertEquals(issuer, answer.get("iss"), page.location());
        assertNull(answer.get("code"), page.location());
        return answer;
    }

    /** The parameters of the redirect the browser was given. */
    static Map<String, String> redirectParameters(Browser.Page page) {
        assertEquals(303, page.status(), page.body());
        assertNotNull(page.location(), "no redirect");
        return Queries.parse(URI.create(page.location()).getRawQuery());
    }

    /** RFC 6749 §5.1: a successful token response that no cache may keep. */
    static JsonObject assertTokens(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("no-cache", response.headers().firstValue("Pragma").orElse(null));
        JsonObject body = Api.json(response);
        assertFalse(body.getString("access_token", "").isEmpty(), response.body());
        assertEquals("bearer", body.getString("token_type"));
        assertEquals(60, body.getJsonNumber("expires_in").intValue());
        return body;
    }

    /** RFC 6749 §5.2: a JSON error with this code and a description, that no cache may keep. */
    static JsonObject assertError(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        JsonObject body = Api.json(response);
        assertEquals(error, body.getString("error"), response.body());
        assertFalse(body.getString("error_description", "").isBlank(), "a description helps the developer");
        return body;
    }

    /** The token endpoint's own errors also carry Pragma: no-cache (RFC 6749 §5.1, §5.2). */
    static JsonObject assertTokenError(HttpResponse<String> response, int status, String error) {
        JsonObject body = assertError(response, status, error);
        assertEquals("no-cache", response.headers().firstValue("Pragma").orElse(null));
        return body;
    }

    /** The response's WWW-Authenticate challenge, or "" when it has none. */
    static String challenge(HttpResponse<String> response) {
        return response.headers().firstValue("WWW-Authenticate").orElse("");
    }

    /** RFC 6750 §3.1: a refusal by the API with this status and error code in its Bearer challenge. */
    static void assertBearerError(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        String challenge = challenge(response);
        assertTrue(challenge.startsWith("Bearer "), () -> "WWW-Authenticate: " + challenge + "; " + response.headers().map()
                + " " + response.body());
        assertTrue(challenge.contains("error=\"" + error + "\""), challenge);
        assertEquals(error, Api.json(response).getString("error"), response.body());
    }

    /** RFC 6750 §3.1: a token that is malformed, unknown, expired or revoked is 401 invalid_token. */
    static void assertInvalidToken(HttpResponse<String> response) {
        assertBearerError(response, 401, "invalid_token");
    }
}
