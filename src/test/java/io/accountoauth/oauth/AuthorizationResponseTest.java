package io.accountoauth.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks the redirect back to the client: parameters added to the query, form-encoded (RFC 6749 §4.1.2, App. B). */
class AuthorizationResponseTest {

    private static final String REDIRECT_URI = "http://www3.sotong.io";

    @Test
    void whenCodeAndStateThenAddedAsQuery() {
        String uri = AuthorizationResponse.to(REDIRECT_URI).code("abc-123_x").with("state", "xyz").uri();

        assertEquals("http://www3.sotong.io?code=abc-123_x&state=xyz", uri);
    }

    // RFC 6749 §4.1.2: state is REQUIRED in the response if present in the request, with the exact value received.
    @ParameterizedTest
    @ValueSource(strings = {"a b c", "a&b=c", "x=1&state=evil", "日本語 ✓", "100%+#/?", "  "})
    void whenStateHasSpecialCharactersThenEncodedAndRoundTrips(String state) {
        String uri = AuthorizationResponse.to(REDIRECT_URI).code("abc").with("state", state).uri();

        assertFalse(uri.contains(" "), uri);
        Map<String, String> query = query(uri);
        assertEquals(Map.of("code", "abc", "state", state), query);
    }

    @Test
    void whenStateNullThenLeftOut() {
        String uri = AuthorizationResponse.to(REDIRECT_URI).code("abc").uri();

        assertEquals("http://www3.sotong.io?code=abc", uri);
    }

    // RFC 6749 §3.1.2: the endpoint URI's query component MUST be retained when adding parameters.
    @Test
    void whenRedirectUriHasQueryThenParametersAppendedWithAmpersand() {
        String uri = AuthorizationResponse.to("https://app.example/cb?tenant=7").code("abc").with("state", "s").uri();

        assertEquals("https://app.example/cb?tenant=7&code=abc&state=s", uri);
    }

    @Test
    void whenErrorThenErrorDescriptionAndStateEncoded() {
        String uri = AuthorizationResponse.to(REDIRECT_URI)
                .error("access_denied", "The customer said no.").with("state", "s 1").uri();

        assertTrue(uri.startsWith(REDIRECT_URI + "?"), uri);
        assertEquals(Map.of("error", "access_denied", "error_description", "The customer said no.", "state", "s 1"),
                query(uri));
    }

    private static Map<String, String> query(String uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : URI.create(uri).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String previous = parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            assertNull(previous, () -> "parameter repeated in " + uri);
        }
        return parameters;
    }
}
