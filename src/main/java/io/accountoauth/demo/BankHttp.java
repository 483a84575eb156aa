package io.accountoauth.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The app's HTTP client for the bank, a JAX-RS client as any third-party app would use: each call comes back
 * as an {@link HttpCall} with what was sent and what was answered.
 */
@ApplicationScoped
public class BankHttp {

    /** The response headers the page shows: those that say something about OAuth. */
    static final List<String> SHOWN_RESPONSE_HEADERS = List.of(
            "Content-Type", "Cache-Control", "Pragma", "Location", "WWW-Authenticate", "Retry-After", "DPoP-Nonce");
    static final String JSON = "application/json";

    private Client client;

    @PostConstruct
    void open() {
        client = ClientBuilder.newBuilder()
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(20, TimeUnit.SECONDS)
                .build();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    HttpCall get(String url, Map<String, String> headers) {
        return send("GET", url, headers, null);
    }

    HttpCall postForm(String url, Map<String, String> form, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", HttpCall.FORM);
        return send("POST", url, all, FormEncoding.encode(form));
    }

    HttpCall postJson(String url, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON);
        headers.put("Accept", JSON);
        return send("POST", url, headers, json);
    }

    private HttpCall send(String method, String url, Map<String, String> headers, String body) {
        Invocation.Builder request = client.target(URI.create(url)).request();
        headers.forEach((name, value) -> {
            if (!name.equals("Content-Type")) {
                request.header(name, value);
            }
        });
        Entity<String> entity = body == null ? null : Entity.entity(body, headers.get("Content-Type"));
        try (Response response = entity == null ? request.method(method) : request.method(method, entity)) {
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            Map<String, String> shown = new LinkedHashMap<>();
            for (String name : SHOWN_RESPONSE_HEADERS) {
                String value = response.getHeaderString(name);
                if (value != null) {
                    shown.put(name, value);
                }
            }
            return new HttpCall(method, url, headers, body, response.getStatus(),
                    response.getStatusInfo().getReasonPhrase(), shown, text);
        } catch (ProcessingException e) {
            throw new DemoFailure("The app could not reach the bank at " + URI.create(url).resolve("/") + ": "
                    + e.getMessage(), e);
        }
    }
}
