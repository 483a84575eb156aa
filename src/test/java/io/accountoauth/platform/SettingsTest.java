package io.accountoauth.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every property is checked against what the application can run with, and a wrong one is named with its value. */
class SettingsTest {

    private static Settings read(Map<String, String> values) {
        return Settings.read(name -> Optional.ofNullable(values.get(name)));
    }

    private static InvalidSetting refused(String property, String value) {
        return assertThrows(InvalidSetting.class, () -> read(Map.of(property, value)), property + "=" + value);
    }

    @Test
    void whenNothingIsSetThenTheSandboxDefaultsApply() {
        Settings settings = read(Map.of());
        assertEquals(Optional.empty(), settings.issuer());
        assertEquals(10, settings.registrationsPerAddressPerHour());
        assertEquals(Duration.ofDays(90), settings.consentLifetime());
        assertTrue(settings.anyPassword());
        assertEquals(Optional.empty(), settings.bankUrl());
        assertTrue(settings.sandboxApp());
        assertEquals(java.util.List.of(), settings.trustedProxies());
        assertFalse(settings.forwardedHeader());
    }

    @Test
    void whenProductionModeHasNoIssuerThenRefused() {
        InvalidSetting refused = assertThrows(InvalidSetting.class,
                () -> read(Map.of(Settings.ANY_PASSWORD, "false")));
        assertEquals(Settings.ISSUER, refused.property());
        assertTrue(refused.allowed().startsWith("required with sandbox.any-password=false"), refused.getMessage());
    }

    @Test
    void whenProductionModeThenTheSandboxAppIsAbsentUnlessAskedFor() {
        Map<String, String> production = Map.of(Settings.ANY_PASSWORD, "false", Settings.ISSUER, "https://bank.example");
        assertFalse(read(production).sandboxApp());
        Map<String, String> asked = new java.util.HashMap<>(production);
        asked.put(Settings.SANDBOX_APP, "true");
        assertTrue(read(asked).sandboxApp());
        assertFalse(read(Map.of(Settings.SANDBOX_APP, "false")).sandboxApp(), "a sandbox may do without it too");
    }

    @Test
    void whenProxiesAreListedThenTheyAreTrustedAndTheHeaderChosen() {
        Settings settings = read(Map.of(Settings.TRUSTED_PROXIES, "10.0.0.0/8, 192.168.1.7,::1",
                Settings.PROXY_HEADERS, "Forwarded"));
        assertEquals(3, settings.trustedProxies().size());
        assertTrue(settings.forwardedHeader());
        assertEquals(Settings.PROXIES_ALLOWED, refused(Settings.TRUSTED_PROXIES, "proxy.example").allowed());
        assertEquals(Settings.PROXIES_ALLOWED, refused(Settings.TRUSTED_PROXIES, "10.0.0.0/33").allowed());
        assertEquals(Settings.PROXY_HEADERS_ALLOWED, refused(Settings.PROXY_HEADERS, "x-real-ip").allowed());
    }

    @Test
    void whenEveryPropertyIsSetWithinItsRangeThenItIsTaken() {
        Settings settings = read(Map.of(
                Settings.ISSUER, "https://bank.example/oauth/",
                Settings.REGISTRATIONS_PER_ADDRESS_PER_HOUR, "10000",
                Settings.CONSENT_LIFETIME, "P3650D",
                Settings.ANY_PASSWORD, "false",
                Settings.BANK_URL, "http://bank.internal:8080"));
        assertEquals(Optional.of("https://bank.example/oauth"), settings.issuer());
        assertEquals(10_000, settings.registrationsPerAddressPerHour());
        assertEquals(Duration.ofDays(3650), settings.consentLifetime());
        assertFalse(settings.anyPassword());
        assertEquals(Optional.of("http://bank.internal:8080"), settings.bankUrl());
    }

    @Test
    void whenAValueIsBlankThenItIsAsIfUnset() {
        Settings settings = read(Map.of(Settings.CONSENT_LIFETIME, " ", Settings.ISSUER, ""));
        assertEquals(Duration.ofDays(90), settings.consentLifetime());
        assertEquals(Optional.empty(), settings.issuer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "10001", "2147483648", "99999999999", "ten", "10.0", "1e3", "+5", "0x10"})
    void whenRegistrationsPerHourAreOutside1To10000ThenRefused(String value) {
        InvalidSetting refused = refused(Settings.REGISTRATIONS_PER_ADDRESS_PER_HOUR, value);
        assertEquals(Settings.REGISTRATIONS_PER_ADDRESS_PER_HOUR, refused.property());
        assertEquals(value, refused.value());
        assertEquals("oauth.registration.per-address-per-hour=" + value + ": a whole number from 1 to 10000",
                refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "10", " 25 ", "10000"})
    void whenRegistrationsPerHourAreWithin1To10000ThenTaken(String value) {
        assertEquals(Integer.parseInt(value.trim()),
                read(Map.of(Settings.REGISTRATIONS_PER_ADDRESS_PER_HOUR, value)).registrationsPerAddressPerHour());
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1000000000000D", "PT0S", "P0D", "-P1D", "P-1D", "PT-1S", "P3650DT1S", "P3651D",
            "90", "90d", "P90", "P1Y", "forever"})
    void whenTheConsentLifetimeIsNotAPositiveDurationOfAtMostTenYearsThenRefused(String value) {
        InvalidSetting refused = refused(Settings.CONSENT_LIFETIME, value);
        assertTrue(refused.getMessage().startsWith("consent.lifetime=" + value + ": an ISO-8601 duration longer "
                + "than zero and at most P3650D"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT1S", "PT12H", "P90D", "P3650D"})
    void whenTheConsentLifetimeIsPositiveAndAtMostTenYearsThenTaken(String value) {
        assertEquals(Duration.parse(value), read(Map.of(Settings.CONSENT_LIFETIME, value)).consentLifetime());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "1", "0", "on", "off", "flase", "true false"})
    void whenAnyPasswordIsNotTrueOrFalseThenRefused(String value) {
        assertEquals("sandbox.any-password=" + value + ": true or false",
                refused(Settings.ANY_PASSWORD, value).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRUE", "False"})
    void whenAnyPasswordIsTrueOrFalseInAnyCaseThenTaken(String value) {
        // Production mode needs an issuer besides
        assertEquals(Boolean.parseBoolean(value),
                read(Map.of(Settings.ANY_PASSWORD, value, Settings.ISSUER, "https://bank.example")).anyPassword());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bank.example", "/oauth", "ftp://bank.example", "https://", "https:bank.example",
            "https://bank.example?x=1", "https://bank.example/?", "https://bank.example#top", "https://bank.example/#",
            "https://user:secret@bank.example", "https://bank.example:0", "https://bank.example:65536",
            "https://bank.example:99999", "https://bank.example:", "https://bank example", "https://bank_x.example",
            "javascript:alert(1)"})
    void whenTheIssuerOrBankUrlIsNotAnAbsoluteHttpUrlThenRefused(String value) {
        for (String property : new String[] {Settings.ISSUER, Settings.BANK_URL}) {
            InvalidSetting refused = refused(property, value);
            assertEquals(property + "=" + value + ": " + Settings.URL_ALLOWED, refused.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://bank.example", "http://127.0.0.1:8080", "https://[::1]:8443/bank/",
            "HTTPS://Bank.Example:65535/a/b"})
    void whenTheIssuerOrBankUrlIsAnAbsoluteHttpUrlThenTaken(String value) {
        String expected = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        assertEquals(Optional.of(expected), read(Map.of(Settings.ISSUER, value)).issuer());
        assertEquals(Optional.of(expected), read(Map.of(Settings.BANK_URL, value)).bankUrl());
    }

    @Test
    void whenTheValueHasLineBreaksOrControlsThenTheMessageStaysOnOneLine() {
        InvalidSetting refused = refused(Settings.CONSENT_LIFETIME, "P1D\nSEVERE forged\u202e\u0000");
        assertEquals("consent.lifetime=P1D\\u000ASEVERE forged\\u202E\\u0000: " + Settings.LIFETIME_ALLOWED,
                refused.getMessage());
        assertEquals("P1D\nSEVERE forged\u202e\u0000", refused.value());
    }

    @Test
    void whenTheValueIsVeryLongThenTheMessageCutsItShort() {
        String value = "P" + "9".repeat(5000) + "D";
        String message = refused(Settings.CONSENT_LIFETIME, value).getMessage();
        assertTrue(message.length() < 500, message);
        assertTrue(message.startsWith("consent.lifetime=P999"), message);
    }
}
