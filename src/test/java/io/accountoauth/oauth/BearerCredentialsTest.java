package io.accountoauth.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks how the access token is read from the Authorization header (RFC 6750 §2.1). */
class BearerCredentialsTest {

    @Test
    void whenNoHeaderListThenAbsent() {
        assertInstanceOf(BearerCredentials.Absent.class, BearerCredentials.read(null));
    }

    @Test
    void whenNoHeaderThenAbsent() {
        assertInstanceOf(BearerCredentials.Absent.class, BearerCredentials.read(Collections.emptyList()));
    }

    @Test
    void whenOtherSchemeThenAbsent() {
        assertInstanceOf(BearerCredentials.Absent.class, BearerCredentials.read(List.of("Basic abc")));
    }

    @Test
    void whenTwoHeadersThenAmbiguous() {
        assertInstanceOf(BearerCredentials.Ambiguous.class,
                BearerCredentials.read(List.of("Bearer abc", "Bearer def")));
    }

    // RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
    @Test
    void whenTokenUsesEveryB64TokenCharacterThenToken() {
        BearerCredentials.Token token = assertInstanceOf(BearerCredentials.Token.class,
                BearerCredentials.read(List.of("Bearer abc.DEF-_~+/=")));

        assertEquals("abc.DEF-_~+/=", token.value());
    }

    // RFC 7235 §2.1 (RFC 9110 §11.1): the auth-scheme is case-insensitive.
    @ParameterizedTest
    @ValueSource(strings = {"bearer abc", "BEARER abc", "Bearer abc"})
    void whenSchemeInAnyCaseThenToken(String header) {
        BearerCredentials.Token token = assertInstanceOf(BearerCredentials.Token.class,
                BearerCredentials.read(List.of(header)));

        assertEquals("abc", token.value());
    }

    @Test
    void whenTokenAtLengthLimitThenToken() {
        String value = "a".repeat(BearerCredentials.MAX_TOKEN_LENGTH);

        assertInstanceOf(BearerCredentials.Token.class, BearerCredentials.read(List.of("Bearer " + value)));
    }

    @ParameterizedTest
    @MethodSource("malformedHeaders")
    void whenBearerTokenMalformedThenMalformed(String header) {
        assertInstanceOf(BearerCredentials.Malformed.class, BearerCredentials.read(List.of(header)));
    }

    static Stream<String> malformedHeaders() {
        return Stream.of(
                "Bearer",
                "Bearer ",
                "Bearer a b",
                "Bearer  abc",
                "Bearer <script>",
                "Bearer " + "a".repeat(2000),
                "Bearer a=b",
                "Bearer =abc",
                "Bearer abc\"");
    }

    // RFC 9449 §7.1: the DPoP scheme carries a token too, with a proof expected beside it.
    @Test
    void whenDPoPSchemeThenTokenMarkedDPoP() {
        BearerCredentials.Token token = assertInstanceOf(BearerCredentials.Token.class,
                BearerCredentials.read(List.of("dpop abc.DEF-1")));
        assertEquals("abc.DEF-1", token.value());
        assertTrue(token.dpop());
        assertFalse(assertInstanceOf(BearerCredentials.Token.class, BearerCredentials.read(List.of("Bearer abc")))
                .dpop());
    }
}
