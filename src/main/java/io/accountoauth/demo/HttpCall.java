package io.accountoauth.demo;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP exchange with the bank as it was sent and received, secrets included: the app reads what it
 * needs from it, and the page gets only the masked {@link #shownRequest()} and {@link #shownResponse()}.
 */
final class HttpCall {

    static final String FORM = "application/x-www-form-urlencoded";

    private final String method;
    private final String url;
    private final Map<String, String> headers;
    private final String body;
    private final int status;
    private final String reason;
    private final Map<String, String> responseHeaders;
    private final String responseBody;

    HttpCall(String method, String url, Map<String, String> headers, String body, int status, String reason,
            Map<String, String> responseHeaders, String responseBody) {
        this.method = method;
        this.url = url;
        this.headers = headers;
        this.body = body;
        this.status = status;
        this.reason = reason;
        this.responseHeaders = responseHeaders;
        this.responseBody = responseBody;
    }

    int status() {
        return status;
    }

    /** The response body as a JSON object, when it is one. */
    Optional<JsonObject> json() {
        return JsonText.object(responseBody);
    }

    /** One of the response headers the page shows ({@link BankHttp#SHOWN_RESPONSE_HEADERS}), when it came. */
    Optional<String> responseHeader(String name) {
        return Optional.ofNullable(responseHeaders.get(name));
    }

    /** A string member of the JSON response, when there is one. */
    Optional<String> member(String name) {
        return json().map(json -> json.get(name)).filter(JsonString.class::isInstance)
                .map(value -> ((JsonString) value).getString());
    }

    ShownRequest shownRequest() {
        boolean form = FORM.equals(headers.get("Content-Type"));
        int query = url.indexOf('?');
        String parameters = form ? body : query < 0 ? null : url.substring(query + 1);
        List<Field> shownHeaders = new ArrayList<>();
        headers.forEach((name, value) -> shownHeaders.add(new Field(name, Masking.header(name, value))));
        String shownBody = body == null ? null : form ? Masking.parameters(body) : JsonText.masked(body);
        return new ShownRequest(method, Masking.url(url), FormEncoding.shown(parameters), shownHeaders, shownBody);
    }

    /** The signed JWTs the request carried, decoded: its client assertion and its DPoP proof. */
    List<ShownJwt> shownJwts() {
        List<ShownJwt> jwts = new ArrayList<>();
        if (FORM.equals(headers.get("Content-Type")) && body != null) {
            String assertion = FormEncoding.decode(body).get("client_assertion");
            if (assertion != null) {
                ShownJwt.decode("Client assertion (the client_assertion parameter)", assertion).ifPresent(jwts::add);
            }
        }
        String proof = headers.get("DPoP");
        if (proof != null) {
            ShownJwt.decode("DPoP proof (the DPoP header)", proof).ifPresent(jwts::add);
        }
        return List.copyOf(jwts);
    }

    ShownResponse shownResponse() {
        List<Field> shownHeaders = new ArrayList<>();
        responseHeaders.forEach((name, value) -> shownHeaders.add(new Field(name, Masking.header(name, value))));
        return new ShownResponse(status, reason, shownHeaders, JsonText.masked(responseBody));
    }
}
