package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Authorization server metadata at /.well-known/oauth-authorization-server, as RFC 8414 defines it. */
class MetadataIT extends DeployedWar {

    static final String WELL_KNOWN = ".well-known/oauth-authorization-server";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    String issuer;

    @BeforeEach
    void setUp() {
        api.resetClock();
        issuer = TokenCalls.issuer(server());
    }

    // RFC 8414 §3.2: a 200 with an application/json object.
    @Test
    void whenMetadataIsRequestedThenJson() {
        HttpResponse<String> response = api.get(WELL_KNOWN);

        assertEquals(200, response.statusCode(), response.body());
        TokenEndpoints.assertJson(response);
        assertNotNull(Api.json(response).getString("issuer", null));
    }

    // RFC 8414 §3.3: the issuer is identical to the one discovery was asked of, with no trailing slash.
    @Test
    void whenMetadataIsRequestedThenIssuerIsTheUrlUsedForDiscovery() {
        assertEquals(issuer, metadata().getString("issuer"));
        assertTrue(issuer.matches("http://127\\.0\\.0\\.1:\\d+"), issuer);
    }

    // RFC 8414 §2: every endpoint of this server, under the issuer.
    /*
     * Without oauth.issuer the issuer follows the Host header, so every answer that names it says Vary: Host:
     * no cache may hand one host's issuer to another. (A server with oauth.issuer names that, whatever the Host.)
     */
    @Test
    void whenTheIssuerFollowsTheHostThenAnswersNamingItVaryOnHost() {
        RawHttp raw = new RawHttp(server());
        RawHttp.Response metadata = raw.send(new RawHttp.Request("GET", server().getPath() + WELL_KNOWN)
                .withoutHost().header("Host", "evil.example"));
        assertEquals(200, metadata.status(), metadata.toString());
        assertTrue(metadata.text().contains("\"issuer\":\"http://evil.example\""), metadata.text());
        assertTrue(metadata.headers("Vary").stream().anyMatch(v -> v.matches("(?i).*\\bHost\\b.*")),
                metadata.toString());

        RawHttp.Response authorizeError = raw.send(new RawHttp.Request("GET", server().getPath()
                + "account/authorize?client_id=" + SandboxApp.CLIENT_ID + "&redirect_uri="
                + java.net.URLEncoder.encode(SandboxApp.REDIRECT_URI, java.nio.charset.StandardCharsets.UTF_8)
                + "&response_type=token").withoutHost().header("Host", "evil.example"));
        assertEquals(3, authorizeError.status() / 100, authorizeError.toString());
        assertTrue(authorizeError.header("Location").contains("iss=http%3A%2F%2Fevil.example"),
                authorizeError.toString());
        assertTrue(authorizeError.headers("Vary").contains("Host"), authorizeError.toString());

        RawHttp.Response introspection = raw.send(new RawHttp.Request("POST", server().getPath() + "account/introspect")
                .header("Authorization", Api.basic(SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET))
                .body("application/x-www-form-urlencoded", "token=x"));
        assertEquals(200, introspection.status(), introspection.toString());
        assertTrue(introspection.headers("Vary").contains("Host"), introspection.toString());

        RawHttp.Response balance = raw.send(new RawHttp.Request("GET", server().getPath() + "account/balance"));
        assertTrue(balance.headers("Vary").stream().noneMatch(v -> v.contains("Host")),
                "the account API does not name the issuer: " + balance);
    }

    @Test
    void whenMetadataIsRequestedThenEveryEndpointIsUnderTheIssuer() {
        JsonObject metadata = metadata();

        assertEquals(issuer + "/account/authorize", metadata.getString("authorization_endpoint"));
        assertEquals(issuer + "/account/token", metadata.getString("token_endpoint"));
        assertEquals(issuer + "/account/introspect", metadata.getString("introspection_endpoint"));
        assertEquals(issuer + "/account/revoke", metadata.getString("revocation_endpoint"));
        assertEquals(issuer + "/account/register", metadata.getString("registration_endpoint"));
    }

    // RFC 8414 §2, RFC 6749 §4.1.2.1: the advertised authorization endpoint answers; a bare request gets an error page.
    @Test
    void whenAdvertisedAuthorizationEndpointIsOpenedWithoutParametersThenHtmlErrorPage() {
        HttpResponse<String> response = api.get(metadata().getString("authorization_endpoint"));

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }

    // RFC 8414 §2, RFC 6749 §3.2: the advertised token endpoint answers, to POST only.
    @Test
    void whenAdvertisedTokenEndpointIsAskedWithGetThenMethodNotAllowed() {
        assertEquals(405, api.get(metadata().getString("token_endpoint")).statusCode());
    }

    // RFC 8414 §2, RFC 7662 §2.1: the advertised introspection endpoint answers, to POST only.
    @Test
    void whenAdvertisedIntrospectionEndpointIsAskedWithGetThenMethodNotAllowed() {
        assertEquals(405, api.get(metadata().getString("introspection_endpoint")).statusCode());
    }

    // RFC 8414 §2, RFC 7009 §2.1: the advertised revocation endpoint answers, to POST only.
    @Test
    void whenAdvertisedRevocationEndpointIsAskedWithGetThenMethodNotAllowed() {
        assertEquals(405, api.get(metadata().getString("revocation_endpoint")).statusCode());
    }

    // RFC 8414 §2: registration_endpoint is "URL of the authorization server's OAuth 2.0 Dynamic Client
    // Registration endpoint [RFC7591]": what is advertised must exist.
    @Test
    void whenAdvertisedRegistrationEndpointIsAskedThenItExists() {
        String endpoint = metadata().getString("registration_endpoint");

        assertNotEquals(404, api.get(endpoint).statusCode(), "GET " + endpoint);
        HttpResponse<String> post = api.send(HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertNotEquals(404, post.statusCode(), "POST " + endpoint + ": " + post.body());
    }

    // RFC 8414 §2: response_types_supported; this server has the code flow only.
    @Test
    void whenMetadataIsRequestedThenCodeIsTheOnlyResponseType() {
        assertEquals(List.of("code"), strings(metadata(), "response_types_supported"));
    }

    // RFC 8414 §2: grant_types_supported.
    @Test
    void whenMetadataIsRequestedThenCodeAndRefreshGrantsAreListed() {
        List<String> grants = strings(metadata(), "grant_types_supported");

        assertTrue(grants.contains("authorization_code"), grants.toString());
        assertTrue(grants.contains("refresh_token"), grants.toString());
    }

    // RFC 8414 §2: token_endpoint_auth_methods_supported; both secret methods, and none for public clients.
    @Test
    void whenMetadataIsRequestedThenTokenEndpointAuthMethodsAreListed() {
        List<String> methods = strings(metadata(), "token_endpoint_auth_methods_supported");

        assertTrue(methods.contains("client_secret_basic"), methods.toString());
        assertTrue(methods.contains("client_secret_post"), methods.toString());
        assertTrue(methods.contains("none"), methods.toString());
    }

    // RFC 8414 §2, RFC 7636 §4.2: S256 only, never plain.
    @Test
    void whenMetadataIsRequestedThenS256IsTheOnlyCodeChallengeMethod() {
        assertEquals(List.of("S256"), strings(metadata(), "code_challenge_methods_supported"));
    }

    // RFC 8414 §2: scopes_supported.
    @Test
    void whenMetadataIsRequestedThenTheBanksScopesAreListed() {
        List<String> scopes = strings(metadata(), "scopes_supported");

        assertTrue(scopes.containsAll(List.of("read", "info", "balance")), scopes.toString());
    }

    // RFC 9207 §3: the server says it sends iss in authorization responses...
    @Test
    void whenMetadataIsRequestedThenIssParameterIsSupported() {
        assertEquals(JsonValue.TRUE, metadata().get("authorization_response_iss_parameter_supported"));
    }

    // RFC 9207 §2: ...and the iss it sends is the issuer of the metadata.
    @Test
    void whenCustomerApprovesThenTheRedirectCarriesTheMetadataIssuer() {
        Browser.Page redirect = browser.approve(Map.of("client_id", SandboxApp.CLIENT_ID,
                "redirect_uri", SandboxApp.REDIRECT_URI), "dave");

        assertNotNull(redirect.location(), redirect.body());
        Map<String, String> query = Queries.parse(URI.create(redirect.location()).getRawQuery());
        assertEquals(metadata().getString("issuer"), query.get("iss"));
    }

    // RFC 8414 §3.3: the issuer follows the URL used for discovery, here another name for the same host.
    @Test
    void whenDiscoveryUsesAnotherHostNameThenIssuerFollowsIt() {
        int port = server().getPort();

        RawResponse response = rawGet("127.0.0.1", port, "/" + WELL_KNOWN, "localhost:" + port);

        assertEquals(200, response.status(), response.headers() + "\n\n" + response.body());
        JsonObject metadata = json(response.body());
        assertEquals("http://localhost:" + port, metadata.getString("issuer"));
        assertEquals("http://localhost:" + port + "/account/token", metadata.getString("token_endpoint"));
    }

    private JsonObject metadata() {
        HttpResponse<String> response = api.get(WELL_KNOWN);
        assertEquals(200, response.statusCode(), response.body());
        return Api.json(response);
    }

    private static List<String> strings(JsonObject metadata, String name) {
        JsonArray array = metadata.getJsonArray(name);
        assertNotNull(array, name + " is missing");
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** A status line and a body, as a raw HTTP/1.1 exchange returned them. */
    record RawResponse(int status, String headers, String body) {
    }

    /**
     * A GET over a plain socket, so that the Host header can name another host than the one connected to
     * (java.net.http does not let a request set Host).
     */
    private static RawResponse rawGet(String address, int port, String path, String host) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\n"
                    + "Host: " + host + "\r\n"
                    + "Accept: application/json\r\n"
                    + "Connection: close\r\n"
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] raw = socket.getInputStream().readAllBytes();
            return parse(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawResponse parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("No complete HTTP response:\n" + text);
        }
        String head = text.substring(0, end);
        String statusLine = head.substring(0, head.indexOf("\r\n") < 0 ? head.length() : head.indexOf("\r\n"));
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        if (head.toLowerCase(Locale.ROOT).contains("\r\ntransfer-encoding: chunked")) {
            body = dechunk(new ByteArrayInputStream(body));
        }
        return new RawResponse(status, head, new String(body, StandardCharsets.UTF_8));
    }

    /** RFC 9112 §7.1: chunk-size in hex, CRLF, the chunk, CRLF; a zero-size chunk ends it. */
    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
