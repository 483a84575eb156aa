package io.accountoauth.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Checks that JSON bodies are indented for reading and that their secret members are masked. */
class JsonTextTest {

    private static final String ACCESS = "Xq3vJ2mB9kLw0pT7rYs4uN6cD1eF8gH5iA2oZ9xW3yQ";
    private static final String REFRESH = "Rr3vJ2mB9kLw0pT7rYs4uN6cD1eF8gH5iA2oZ9xW3yQ";

    @Test
    void whenATokenResponseIsShownThenBothTokensAreMaskedAndTheRestStays() {
        String body = "{\"token_type\":\"bearer\",\"scope\":\"read\",\"access_token\":\"" + ACCESS
                + "\",\"expires_in\":60,\"refresh_token\":\"" + REFRESH + "\"}";
        assertEquals("""
                {
                  "token_type": "bearer",
                  "scope": "read",
                  "access_token": "Xq3v…(43 chars)",
                  "expires_in": 60,
                  "refresh_token": "Rr3v…(43 chars)"
                }""", JsonText.masked(body));
    }

    @Test
    void whenASecretIsNestedOrInAnArrayThenItIsMaskedToo() {
        String body = "{\"client\":{\"client_id\":\"abc\",\"client_secret\":\"" + ACCESS + "\"},"
                + "\"code\":[\"" + REFRESH + "\"],\"redirect_uris\":[],\"ok\":true,\"none\":null}";
        String shown = JsonText.masked(body);
        assertTrue(shown.contains("\"client_secret\": \"Xq3v…(43 chars)\""), shown);
        assertTrue(shown.contains("\"Rr3v…(43 chars)\""), shown);
        assertTrue(shown.contains("\"client_id\": \"abc\""), shown);
        assertTrue(shown.contains("\"redirect_uris\": []"), shown);
        assertTrue(shown.contains("\"ok\": true") && shown.contains("\"none\": null"), shown);
        assertTrue(!shown.contains(ACCESS) && !shown.contains(REFRESH), shown);
    }

    @Test
    void whenTheBodyIsNotJsonThenItIsShownAsItCame() {
        assertEquals("<html>Not found</html>", JsonText.masked("<html>Not found</html>"));
        assertEquals("", JsonText.masked(""));
    }

    @Test
    void whenAValueNeedsEscapingThenItStaysValidJson() {
        assertEquals("{\n  \"error_description\": \"a \\\"quoted\\\" word\"\n}",
                JsonText.masked("{\"error_description\":\"a \\\"quoted\\\" word\"}"));
    }
}
