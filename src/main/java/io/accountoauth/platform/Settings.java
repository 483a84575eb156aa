package io.accountoauth.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every configuration property of the application, checked: a value outside what is allowed is refused with
 * {@link InvalidSetting} instead of failing later, on some request. {@link Configuration} reads them once, at start-up.
 *
 * @param issuer                         {@value #ISSUER}: the external base URL, without a trailing slash; empty
 *                                       when it comes from each request
 * @param registrationsPerAddressPerHour {@value #REGISTRATIONS_PER_ADDRESS_PER_HOUR}
 * @param consentLifetime                {@value #CONSENT_LIFETIME}: how long an authorised consent lasts
 * @param anyPassword                    {@value #ANY_PASSWORD}: the sandbox's "any password" login
 * @param bankUrl                        {@value #BANK_URL}: where the demo app calls the bank, without a trailing
 *                                       slash; empty for the server the demo runs in
 * @param sandboxApp                     {@value #SANDBOX_APP}: whether the seed's published app is there; by default
 *                                       only in the sandbox
 * @param trustedProxies                 {@value #TRUSTED_PROXIES}: the reverse proxies whose forwarding header
 *                                       gives the client address; none by default
 * @param forwardedHeader                {@value #PROXY_HEADERS}: true when they write RFC 7239 {@code Forwarded},
 *                                       false for {@code X-Forwarded-For}
 */
public record Settings(
        Optional<String> issuer,
        int registrationsPerAddressPerHour,
        Duration consentLifetime,
        boolean anyPassword,
        Optional<String> bankUrl,
        boolean sandboxApp,
        List<ClientAddresses.Range> trustedProxies,
        boolean forwardedHeader) {

    public static final String ISSUER = "oauth.issuer";
    public static final String REGISTRATIONS_PER_ADDRESS_PER_HOUR = "oauth.registration.per-address-per-hour";
    public static final String CONSENT_LIFETIME = "consent.lifetime";
    public static final String ANY_PASSWORD = "sandbox.any-password";
    public static final String BANK_URL = "demo.bank-url";
    public static final String SANDBOX_APP = "sandbox.app";
    public static final String TRUSTED_PROXIES = "oauth.trusted-proxies";
    public static final String PROXY_HEADERS = "oauth.proxy-headers";

    static final int DEFAULT_REGISTRATIONS = 10;
    static final int MAX_REGISTRATIONS = 10_000;
    static final Duration DEFAULT_CONSENT_LIFETIME = Duration.ofDays(90);
    /** Ten years: far beyond any consent a bank would keep, and far from the dates a clock can hold. */
    static final Duration MAX_CONSENT_LIFETIME = Duration.ofDays(3650);
    static final int MAX_URL_LENGTH = 2048;

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    static final String REGISTRATIONS_ALLOWED = "a whole number from 1 to " + MAX_REGISTRATIONS;
    static final String LIFETIME_ALLOWED = "an ISO-8601 duration longer than zero and at most P3650D (ten years), "
            + "such as P90D or PT12H";
    static final String BOOLEAN_ALLOWED = "true or false";
    static final String PROXIES_ALLOWED = "IP addresses and CIDR ranges separated by commas, such as "
            + "10.0.0.0/8, 192.168.1.7";
    static final String PROXY_HEADERS_ALLOWED = "xforwarded (X-Forwarded-For) or forwarded (RFC 7239 Forwarded)";
    static final String ISSUER_REQUIRED = "required with " + ANY_PASSWORD + "=false (production mode): the "
            + "external base URL clients use, such as https://bank.example; a production server never takes its "
            + "issuer from a request's Host header";
    static final String URL_ALLOWED = "an absolute http or https URL with a host, an optional port from 1 to 65535 "
            + "and path, and no user info, query or fragment, such as https://bank.example";

    /** The settings of a source that gives each property's value, or empty for one not set. */
    public static Settings read(Function<String, Optional<String>> source) {
        Optional<String> issuer = value(source, ISSUER).map(v -> url(ISSUER, v));
        boolean anyPassword = value(source, ANY_PASSWORD).map(v -> bool(ANY_PASSWORD, v)).orElse(true);
        if (!anyPassword && issuer.isEmpty()) {
            throw new InvalidSetting(ISSUER, "", ISSUER_REQUIRED);
        }
        return new Settings(
                issuer,
                value(source, REGISTRATIONS_PER_ADDRESS_PER_HOUR)
                        .map(v -> registrations(REGISTRATIONS_PER_ADDRESS_PER_HOUR, v)).orElse(DEFAULT_REGISTRATIONS),
                value(source, CONSENT_LIFETIME).map(v -> lifetime(CONSENT_LIFETIME, v)).orElse(DEFAULT_CONSENT_LIFETIME),
                anyPassword,
                value(source, BANK_URL).map(v -> url(BANK_URL, v)),
                value(source, SANDBOX_APP).map(v -> bool(SANDBOX_APP, v)).orElse(anyPassword),
                value(source, TRUSTED_PROXIES).map(v -> proxies(TRUSTED_PROXIES, v)).orElse(List.of()),
                value(source, PROXY_HEADERS).map(v -> proxyHeaders(PROXY_HEADERS, v)).orElse(false));
    }

    static List<ClientAddresses.Range> proxies(String property, String value) {
        try {
            return ClientAddresses.ranges(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting(property, value, PROXIES_ALLOWED);
        }
    }

    static boolean proxyHeaders(String property, String value) {
        try {
            return ClientAddresses.proxyHeaders(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting(property, value, PROXY_HEADERS_ALLOWED);
        }
    }

    /** A value that is not set, or only blanks, is as good as none: the default applies. */
    private static Optional<String> value(Function<String, Optional<String>> source, String property) {
        return source.apply(property).filter(v -> !v.isBlank());
    }

    static int registrations(String property, String value) {
        String trimmed = value.trim();
        if (DIGITS.matcher(trimmed).matches()) {
            int number = Integer.parseInt(trimmed);
            if (number >= 1 && number <= MAX_REGISTRATIONS) {
                return number;
            }
        }
        throw new InvalidSetting(property, value, REGISTRATIONS_ALLOWED);
    }

    static Duration lifetime(String property, String value) {
        Duration lifetime;
        try {
            lifetime = Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidSetting(property, value, LIFETIME_ALLOWED);
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_CONSENT_LIFETIME) > 0) {
            throw new InvalidSetting(property, value, LIFETIME_ALLOWED);
        }
        return lifetime;
    }

    static boolean bool(String property, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidSetting(property, value, BOOLEAN_ALLOWED);
        };
    }

    /** The URL without a trailing slash, so that paths can be appended to it. */
    static String url(String property, String value) {
        String trimmed = value.trim();
        if (trimmed.length() > MAX_URL_LENGTH) {
            throw new InvalidSetting(property, value, URL_ALLOWED);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new InvalidSetting(property, value, URL_ALLOWED);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean valid = (scheme.equals("http") || scheme.equals("https")) && !uri.isOpaque()
                && uri.getHost() != null && uri.getRawUserInfo() == null
                && (uri.getPort() == -1 || (uri.getPort() >= 1 && uri.getPort() <= 65535))
                && !uri.getRawAuthority().endsWith(":")
                && uri.getRawQuery() == null && uri.getRawFragment() == null
                && trimmed.indexOf('?') < 0 && trimmed.indexOf('#') < 0;
        if (!valid) {
            throw new InvalidSetting(property, value, URL_ALLOWED);
        }
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
