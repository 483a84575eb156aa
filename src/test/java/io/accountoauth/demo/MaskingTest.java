package io.accountoauth.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Checks that secrets are shown as four characters and a length, and everything else as it was. */
class MaskingTest {

    private static final String SECRET = "724e6890757b0ae624684b70e111b705fe6b050c";
    private static final String TOKEN = "Xq3vJ2mB9kLw0pT7rYs4uN6cD1eF8gH5iA2oZ9xW3yQ";

    @Test
    void whenASecretIsMaskedThenItShowsItsFirstFourCharactersAndItsLength() {
        assertEquals("724e…(40 chars)", Masking.mask(SECRET));
        assertEquals("Xq3v…(43 chars)", Masking.mask(TOKEN));
    }

    @Test
    void whenASecretIsShortThenNoneOfItIsShown() {
        assertEquals("…(6 chars)", Masking.mask("abc123"));
        assertEquals("…(0 chars)", Masking.mask(""));
        assertNull(Masking.mask(null));
    }

    @Test
    void whenParametersAreMaskedThenOnlyTheSecretOnesChangeAndTheOrderStays() {
        String form = "grant_type=authorization_code&code=" + TOKEN
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fdemo%2Fcallback&code_verifier=" + TOKEN;
        assertEquals("grant_type=authorization_code&code=Xq3v…(43 chars)"
                        + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fdemo%2Fcallback&code_verifier=Xq3v…(43 chars)",
                Masking.parameters(form));
    }

    @Test
    void whenASecretParameterIsEncodedThenItsDecodedValueIsMeasured() {
        assertEquals("refresh_token=a b%…(14 chars)", Masking.parameters("refresh_token=a+b%25cdefghijkl"));
    }

    @Test
    void whenAUrlCarriesACodeThenTheCodeIsMaskedAndStateAndIssStay() {
        String url = "http://127.0.0.1:8080/demo/callback?code=" + TOKEN + "&state=abc&iss=http%3A%2F%2F127.0.0.1%3A8080";
        assertEquals("http://127.0.0.1:8080/demo/callback?code=Xq3v…(43 chars)&state=abc&iss=http%3A%2F%2F127.0.0.1%3A8080",
                Masking.url(url));
        assertEquals("http://127.0.0.1:8080/account/info", Masking.url("http://127.0.0.1:8080/account/info"));
    }

    @Test
    void whenAnAuthorizationHeaderIsShownThenTheSchemeStaysAndTheCredentialsAreMasked() {
        assertEquals("Bearer Xq3v…(43 chars)", Masking.header("Authorization", "Bearer " + TOKEN));
        assertEquals("Basic NzI0…(60 chars)", Masking.header("authorization", "Basic " + "NzI0".repeat(15)));
        assertEquals("application/json", Masking.header("Accept", "application/json"));
    }

    @Test
    void whenAJwtTheAppSignedIsShownThenItIsShortenedLikeASecret() {
        String jwt = "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJhcHAifQ." + TOKEN;
        assertEquals("eyJh…(" + jwt.length() + " chars)", Masking.header("DPoP", jwt));
        assertEquals("client_assertion=eyJh…(" + jwt.length() + " chars)&client_id=app",
                Masking.parameters("client_assertion=" + jwt + "&client_id=app"));
    }

    @Test
    void whenANameIsASecretOneThenIsSecret() {
        for (String name : new String[] {"access_token", "refresh_token", "client_secret", "code_verifier", "code"}) {
            assertTrue(Masking.isSecret(name), name);
        }
        for (String name : new String[] {"state", "client_id", "code_challenge", "iss", "scope", null}) {
            assertFalse(Masking.isSecret(name), String.valueOf(name));
        }
    }
}
