package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;

/** The token, introspection and revocation endpoints as a client calls them, and checks of their answers. */
final class TokenEndpoints {

    static final String TOKEN = "account/token";
    static final String INTROSPECT = "account/introspect";
    static final String REVOKE = "account/revoke";

    /** RFC 7662 §2.2: all an inactive token is told about. */
    static final JsonObject INACTIVE = Json.createObjectBuilder().add("active", false).build();

    private TokenEndpoints() {
    }

    /** What the token endpoint handed out at once. */
    record Tokens(String accessToken, String refreshToken) {
    }

    /** The customer approves the sandbox app, which exchanges the code at the standard token endpoint. */
    static Tokens sandboxTokens(Browser browser, Api api, String customer) {
        String code = browser.sandboxCode(customer);
        HttpResponse<String> response = api.postWithBasic(TOKEN, Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", SandboxApp.REDIRECT_URI), SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
        return tokens(response);
    }

    /** The tokens of a successful token response; fails the test otherwise. */
    static Tokens tokens(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), () -> "token request refused: " + response.body());
        JsonObject body = Api.json(response);
        String refreshToken = body.getString("refresh_token", null);
        assertNotNull(refreshToken, () -> "no refresh token in " + response.body());
        return new Tokens(body.getString("access_token"), refreshToken);
    }

    /** Introspection with client_secret_basic. */
    static HttpResponse<String> introspect(Api api, String token, String clientId, String secret) {
        return api.postWithBasic(INTROSPECT, Map.of("token", token), clientId, secret);
    }

    /** Introspection as the sandbox app. */
    static HttpResponse<String> introspect(Api api, String token) {
        return introspect(api, token, SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
    }

    /** Revocation with client_secret_basic. */
    static HttpResponse<String> revoke(Api api, String token, String clientId, String secret) {
        return api.postWithBasic(REVOKE, Map.of("token", token), clientId, secret);
    }

    /** Revocation as the sandbox app. */
    static HttpResponse<String> revoke(Api api, String token) {
        return revoke(api, token, SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
    }

    /** RFC 7662 §2.2: a 200 that says {@code "active": false} and nothing else. */
    static void assertInactive(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        assertJson(response);
        assertEquals(INACTIVE, Api.json(response), "an inactive token is told nothing more");
    }

    /** RFC 7662 §2.2: a 200 that says {@code "active": true}. */
    static JsonObject assertActive(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        assertJson(response);
        JsonObject body = Api.json(response);
        assertTrue(body.getBoolean("active"), response.body());
        return body;
    }

    static void assertJson(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                () -> "Content-Type: " + response.headers().firstValue("Content-Type").orElse("(none)"));
    }
}
