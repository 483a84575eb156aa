package io.accountoauth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks which redirect URIs a client may be sent to: exact match, loopback port freedom, loopback any path. */
class RedirectUriRulesTest {

    private static final Client SEED = new Client("7b6fc8ed5127b0b2f076d", "My Money Managing App",
            ClientSecrets.digest("724e6890757b0ae624684b70e111b705fe6b050c"), List.of("http://www3.sotong.io"), true);
    private static final Client NATIVE_APP = new Client("native-app", "Native App",
            ClientSecrets.digest("native-secret"), List.of("http://127.0.0.1/callback"), false);
    private static final Client WEB_APP = new Client("web-app", "Web App",
            ClientSecrets.digest("web-secret"), List.of("https://app.example/cb"), false);

    // RFC 9700 §4.1.3: redirect URIs are compared by exact string matching.
    @Test
    void whenSeedClientSendsItsRegisteredUriThenPermitted() {
        assertTrue(RedirectUriRules.permits(SEED, "http://www3.sotong.io"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://localhost:8080/callback",
        "http://127.0.0.1:5000/cb",
        "http://[::1]:9000/x",
        "http://localhost/cb",
    })
    void whenSeedClientSendsPlainLoopbackUriThenPermitted(String requested) {
        assertTrue(RedirectUriRules.permits(SEED, requested));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // RFC 9700 §4.1.3: no normalisation, so scheme, trailing slash and case all matter.
        "https://www3.sotong.io",
        "http://www3.sotong.io/",
        "http://WWW3.sotong.io",
        "http://www3.sotong.io.evil.com",
        "http://evil.com",
        // Loopback URIs must be written plainly.
        "HTTP://localhost:8080/cb",
        "http://LOCALHOST:8080/cb",
        // RFC 6749 §3.1.2: the redirection endpoint URI MUST NOT include a fragment component.
        "http://localhost:8080/cb#frag",
        "http://localhost:8080/cb?x=1",
        "http://user@localhost:8080/cb",
        // Dot segments, plain or encoded, could lead anywhere on the host.
        "http://localhost:8080/../cb",
        "http://localhost:8080/a/./b",
        "http://localhost:8080/%2e%2e/cb",
        "http://localhost:8080/%2E%2E/cb",
        "http://localhost:8080/a%2fb",
        "http://localhost:8080/%252e%252e/",
        "http://localhost:8080\\@evil.com/",
        "javascript:alert(1)",
        "data:text/html,x",
        "file:///etc/passwd",
        "//localhost:8080/cb",
        "/cb",
        "http://localhost:0/cb",
        "http://localhost:8080/cb with space",
    })
    void whenSeedClientSendsAnythingElseThenRefused(String requested) {
        assertFalse(RedirectUriRules.permits(SEED, requested));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @MethodSource("overlongLoopbackUri")
    void whenRedirectUriMissingOrOverlongThenRefused(String requested) {
        assertFalse(RedirectUriRules.permits(SEED, requested));
    }

    static Stream<String> overlongLoopbackUri() {
        String prefix = "http://localhost:8080/";
        return Stream.of(prefix + "a".repeat(3000 - prefix.length()));
    }

    @Test
    void whenLoopbackUriJustWithinLengthLimitThenPermitted() {
        String prefix = "http://localhost:8080/";
        assertTrue(RedirectUriRules.permits(SEED, prefix + "a".repeat(RedirectUriRules.MAX_LENGTH - prefix.length())));
    }

    // RFC 8252 §7.3: the server MUST allow any port to be specified at request time for loopback IP redirect URIs.
    @Test
    void whenClientRegisteredLoopbackUriThenAnyPortPermitted() {
        assertTrue(RedirectUriRules.permits(NATIVE_APP, "http://127.0.0.1/callback"));
        assertTrue(RedirectUriRules.permits(NATIVE_APP, "http://127.0.0.1:51234/callback"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1:51234/other",
        "http://localhost:51234/callback",
        "http://127.0.0.1:51234/callback/",
        "http://127.0.0.1:51234/callback?x=1",
        "https://127.0.0.1:51234/callback",
    })
    void whenClientRegisteredLoopbackUriThenOnlyThePortMayDiffer(String requested) {
        assertFalse(RedirectUriRules.permits(NATIVE_APP, requested));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://localhost:8080/cb",
        "https://app.example/cb/",
        "https://app.example:443/cb",
        "https://APP.example/cb",
    })
    void whenClientWithoutLoopbackAnyPathThenOnlyRegisteredUriPermitted(String requested) {
        assertFalse(RedirectUriRules.permits(WEB_APP, requested));
    }

    @Test
    void whenClientWithoutLoopbackAnyPathSendsRegisteredUriThenPermitted() {
        assertTrue(RedirectUriRules.permits(WEB_APP, "https://app.example/cb"));
    }

    // RFC 7591 §2 with RFC 6749 §3.1.2 and RFC 8252 §7.3: what an app may register.
    @ParameterizedTest
    @ValueSource(strings = {"https://app.example/cb", "https://app.example:8443/cb?tenant=1",
            "http://127.0.0.1/cb", "http://localhost:9000/callback", "http://[::1]/cb", "https://app.example:1/cb",
            "https://app.example:65535/cb", "http://127.0.0.1:65535/cb"})
    void whenHttpsOrPlainLoopbackThenRegistrable(String uri) {
        assertTrue(RedirectUriRules.registrationProblem(uri).isEmpty(), uri);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://app.example/cb", "https://app.example/cb#x", "https://*.app.example/cb",
            "https://app.example/*", "javascript:alert(1)", "data:text/html,x", "file:///etc/passwd",
            "/cb", "cb", "https://user@app.example/cb", "https://APP.example/cb", "https://app.example/a/../cb",
            "https://app.example/%2e%2e/cb", "ftp://app.example/cb", "https:///cb", "http://localhost/cb?x=1",
            "https://app.example/c b", "https://app.example:99999/cb", "https://app.example:65536/cb", "https://app.example:99999999999/cb",
            "https://app.example:0/cb", "https://app.example:/cb", "http://127.0.0.1:65536/cb", "http://localhost:0/cb",
            ""})
    void whenNotHttpsOrNotPlainLoopbackThenNotRegistrable(String uri) {
        assertTrue(RedirectUriRules.registrationProblem(uri).isPresent(), uri);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example:99999/cb", "https://app.example:65536/cb", "https://app.example:0/cb",
            "https://app.example:/cb", "https://app.example:99999999999/cb", "http://127.0.0.1:65536/cb",
            "http://[::1]:0/cb"})
    void whenThePortIsOutside1To65535ThenTheProblemSaysSo(String uri) {
        assertEquals(Optional.of("A redirect URI's port must be from 1 to 65535."),
                RedirectUriRules.registrationProblem(uri), uri);
    }
}
