package io.accountoauth.it;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** The app's side of the flow over HTTP: the token exchange, the account API, and the test clock. */
final class Api {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** Every request's time limit, or null for none. */
    private final Duration timeout;

    Api(URI base) {
        this(base, null);
    }

    /** An app whose every request fails with an HttpTimeoutException when it gets no answer within the timeout. */
    Api(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    URI base() {
        return base;
    }

    /** The original sandbox's token call. */
    HttpResponse<String> accessToken(String code, String clientId, String clientSecret) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("code", code);
        query.put("client_id", clientId);
        query.put("client_secret", clientSecret);
        return get("account/access_token?" + Browser.form(query));
    }

    /** Redeems a code as the sandbox app and returns the access token; fails the test when refused. */
    String redeem(String code) {
        HttpResponse<String> response = accessToken(code, SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
        if (response.statusCode() != 200) {
            throw new AssertionError("Token exchange refused: " + response.statusCode() + " " + response.body());
        }
        return json(response).getString("access_token");
    }

    /** The token call with exactly this query string. */
    HttpResponse<String> accessTokenQuery(Map<String, String> query) {
        return get("account/access_token?" + Browser.form(query));
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    HttpResponse<String> delete(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).DELETE();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    HttpResponse<String> withBearer(String path, String token) {
        return get(path, "Authorization", "Bearer " + token);
    }

    /** A form-encoded POST, as RFC 6749 asks of the token, introspection and revocation endpoints. */
    HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.form(form)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A POST of a JSON document. */
    HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A form POST with the client's credentials in an HTTP Basic header (client_secret_basic). */
    HttpResponse<String> postWithBasic(String path, Map<String, String> form, String clientId, String secret) {
        return post(path, form, "Authorization", basic(clientId, secret));
    }

    /** RFC 6749 §2.3.1: client_id and secret form-encoded, joined by a colon, base64-encoded. */
    static String basic(String clientId, String secret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** Moves the server's clock forward, or back for a negative number of seconds. */
    void advanceClock(long seconds) {
        send(HttpRequest.newBuilder(base.resolve("test-support/clock/advance?seconds=" + seconds))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    void resetClock() {
        send(HttpRequest.newBuilder(base.resolve("test-support/clock/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A request built by the caller: another method, a hand-made body or headers. */
    HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request.build());
    }

    static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpRequest limited = timeout == null ? request
                    : HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout).build();
            return http.send(limited, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
