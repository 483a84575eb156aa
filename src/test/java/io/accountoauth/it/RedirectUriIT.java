package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accountoauth.testsupport.TestClients;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The authorization endpoint sends the browser nowhere but a registered redirect URI (RFC 6749 §3.1.2,
 * RFC 9700 §4.1.3: exact string matching). Every near miss gets the HTML error page, 400, and no redirect;
 * only the loopback freedoms hold: any port on a registered loopback URI (RFC 8252 §7.3), and for the sandbox
 * app any plain path on a loopback host.
 */
class RedirectUriIT extends DeployedWar {

    private static final String AUTHORIZE = "account/authorize?client_id=" + SandboxApp.CLIENT_ID;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    URI root;

    @BeforeEach
    void setUp() {
        root = server();
        api = new Api(root);
        // A new hour: the registrations below have the whole per-address allowance
        api.advanceClock(3601);
    }

    /** Each value is sent form-encoded, so the server sees exactly these characters. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // another host
        "http://evil.example",
        "http://www3.sotong.io.evil.example",
        "http://sotong.io",
        // another scheme
        "https://www3.sotong.io",
        "ftp://www3.sotong.io",
        // another case
        "http://WWW3.sotong.io",
        "HTTP://www3.sotong.io",
        "Http://www3.sotong.io",
        "http://LOCALHOST:8080/cb",
        // another port, or an explicit default port
        "http://www3.sotong.io:80",
        "http://www3.sotong.io:8080",
        // more path, a trailing slash
        "http://www3.sotong.io/x",
        "http://www3.sotong.io/",
        // a query
        "http://www3.sotong.io?x=1",
        "http://www3.sotong.io/?x=1",
        "http://localhost:8080/cb?x=1",
        "http://localhost:8080/cb?",
        // a fragment
        "http://www3.sotong.io#x",
        "http://www3.sotong.io#",
        "http://localhost:8080/cb#x",
        // user info
        "http://evil@www3.sotong.io",
        "http://www3.sotong.io@evil.example",
        "http://user:pw@localhost:8080/cb",
        "http://localhost:8080@evil.example/cb",
        "http://127.0.0.1@evil.example/cb",
        // dot segments, in every encoding
        "http://localhost:8080/a/../b",
        "http://localhost:8080/a/./b",
        "http://localhost:8080/..",
        "http://localhost:8080/a/%2e%2e/b",
        "http://localhost:8080/a/%2E%2E/b",
        "http://localhost:8080/a/.%2e/b",
        "http://localhost:8080/a/%252e%252e/b",
        "http://localhost:8080/a/..%2fb",
        "http://localhost:8080/a/..%2Fb",
        "http://localhost:8080/a/..%5cb",
        "http://localhost:8080/a\\..\\b",
        "http://127.0.0.1:8080/a/%2f%2fevil.example",
        // other schemes
        "javascript:alert(1)",
        "JavaScript:alert(1)//http://localhost:8080/cb",
        "data:text/html,x",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "file:///etc/passwd",
        "vbscript:msgbox(1)",
        // relative
        "/cb",
        "//evil.example/cb",
        "//localhost:8080/cb",
        "cb",
        "www3.sotong.io",
        // loopback look-alikes
        "http://localhost.evil.example:8080/cb",
        "http://127.0.0.2:8080/cb",
        "http://0.0.0.0:8080/cb",
        "http://[::ffff:127.0.0.1]:8080/cb",
        "https://localhost:8080/cb",
        "http://localhost:0/cb",
        "http://localhost:99999/cb",
        // spaces, controls and markup
        " http://www3.sotong.io",
        "http://www3.sotong.io ",
        "http://www3.sotong.io\t",
        "http://www3.sotong.io\r\nX-Injected: yes",
        "http://localhost:8080/cb\u0000",
        "http://localhost:8080/c b",
        "http://localhost:8080/\"><script>alert(1)</script>",
    })
    void whenTheRedirectUriIsNotRegisteredThenErrorPageAndNoRedirect(String redirectUri) {
        assertErrorPage(api.get(AUTHORIZE + "&state=s&redirect_uri=" + enc(redirectUri)), redirectUri);
    }

    /** Sent as they stand: the server decodes them once, and the encoded dots become dot segments. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "http://localhost:8080/a/%2e%2e/b",
        "http://localhost:8080/a/%2E%2E/b",
        "http://localhost:8080/a/%252e%252e/b",
        "http://localhost:8080/a/..%2fb",
        "http%3A%2F%2Flocalhost%3A8080%2Fa%2F..%2Fb",
        "http%3A%2F%2Fwww3.sotong.io%2F",
        "http%3A%2F%2Fwww3.sotong.io%23",
        "http://www3.sotong.io%00",
        "http://www3.sotong.io%0D%0AX-Injected:%20yes",
        "http://www3.sotong.io%FF",
    })
    void whenTheRedirectUriIsSentUnencodedThenErrorPageAndNoRedirect(String rawValue) {
        assertErrorPage(api.get(AUTHORIZE + "&state=s&redirect_uri=" + rawValue), rawValue);
    }

    // RFC 6749 §3.1, §3.1.2.1 and §4.1.2.1: a parameter sent twice is not guessed at.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "client_id=7b6fc8ed5127b0b2f076d&redirect_uri=http%3A%2F%2Fwww3.sotong.io&redirect_uri=http%3A%2F%2Fwww3.sotong.io",
        "client_id=7b6fc8ed5127b0b2f076d&redirect_uri=http%3A%2F%2Fwww3.sotong.io&redirect_uri=https%3A%2F%2Fevil.example",
        "client_id=7b6fc8ed5127b0b2f076d&redirect_uri=&redirect_uri=http%3A%2F%2Fwww3.sotong.io",
        "client_id=7b6fc8ed5127b0b2f076d&client_id=7b6fc8ed5127b0b2f076d&redirect_uri=http%3A%2F%2Fwww3.sotong.io",
        "client_id=other-app&client_id=7b6fc8ed5127b0b2f076d&redirect_uri=http%3A%2F%2Fwww3.sotong.io",
        "client_id=7b6fc8ed5127b0b2f076d&client_id=&redirect_uri=http%3A%2F%2Fwww3.sotong.io",
    })
    void whenClientIdOrRedirectUriIsRepeatedThenErrorPageAndNoRedirect(String query) {
        assertErrorPage(api.get("account/authorize?" + query + "&state=s"), query);
    }

    // For contrast: the sandbox app may use any plain path on a loopback host, on any port.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "http://www3.sotong.io",
        "http://localhost:8080/callback",
        "http://localhost/cb",
        "http://localhost:9000",
        "http://127.0.0.1:65041/cb",
        "http://127.0.0.1:1/a/b/c",
        "http://[::1]:9000/x",
        "http://localhost:8080/a.b/c..d/~e",
    })
    void whenTheSandboxAppUsesALoopbackPathThenTheCustomerGoesOnToLogIn(String redirectUri) {
        assertLoginPage(api.get(AUTHORIZE + "&state=s&redirect_uri=" + enc(redirectUri)), redirectUri);
    }

    // RFC 8252 §7.3: a registered loopback URI may be used on any port, and only the port may change.
    @Test
    void whenAnAppRegisteredALoopbackUriThenOnlyItsPortMayChange() {
        HttpResponse<String> registered = api.postJson("account/register",
                "{\"client_name\":\"Loopback App\",\"redirect_uris\":[\"http://127.0.0.1/cb\"]}");
        assertEquals(201, registered.statusCode(), registered.body());
        String authorize = "account/authorize?client_id=" + Api.json(registered).getString("client_id")
                + "&state=s&redirect_uri=";
        for (String allowed : new String[] {"http://127.0.0.1/cb", "http://127.0.0.1:51234/cb", "http://127.0.0.1:8080/cb"}) {
            assertLoginPage(api.get(authorize + enc(allowed)), allowed);
        }
        for (String refused : new String[] {"http://localhost:51234/cb", "http://[::1]:51234/cb",
                "http://127.0.0.1:51234/cb/", "http://127.0.0.1:51234/other", "http://127.0.0.1:51234/cb?x=1",
                "https://127.0.0.1:51234/cb", "http://127.0.0.1:51234/cb#x", "http://127.0.0.1:51234/a/../cb",
                "http://127.0.0.1:51234/%2e%2e/cb", "http://user@127.0.0.1:51234/cb"}) {
            assertErrorPage(api.get(authorize + enc(refused)), refused);
        }
    }

    @Test
    void whenThePublicTestAppUsesItsLoopbackUriOnAnotherPortThenTheCustomerGoesOnToLogIn() {
        PkcePair pkce = PkcePair.random();
        String authorize = "account/authorize?client_id=" + TestClients.PUBLIC_ID + "&state=s&code_challenge_method=S256"
                + "&code_challenge=" + pkce.challenge() + "&redirect_uri=";
        assertLoginPage(api.get(authorize + enc("http://127.0.0.1:51234/callback")), "any port");
        assertErrorPage(api.get(authorize + enc("http://127.0.0.1:51234/other")), "another path");
    }

    private void assertErrorPage(HttpResponse<String> response, String sent) {
        assertEquals(400, response.statusCode(), () -> sent + " -> " + response.body());
        assertTrue(response.headers().firstValue("Location").isEmpty(), () -> sent + " redirected to "
                + response.headers().firstValue("Location").orElse(""));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), sent);
        assertNotNull(Jsoup.parse(response.body()).selectFirst("main.error[data-status=400]"), () -> sent + ": "
                + response.body());
        assertTrue(response.headers().map().keySet().stream().noneMatch(h -> h.equalsIgnoreCase("X-Injected")), sent);
    }

    private void assertLoginPage(HttpResponse<String> response, String sent) {
        assertEquals(303, response.statusCode(), () -> sent + " -> " + response.body());
        URI location = root.resolve(response.headers().firstValue("Location").orElseThrow());
        assertEquals(root.getAuthority(), location.getAuthority(), sent);
        assertEquals("/login.xhtml", location.getPath(), sent);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
