package io.accountoauth.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a client may be sent to a redirect URI. The rule is exact string comparison with a
 * registered URI (RFC 9700 §4.1.3), with two freedoms: any port on a registered loopback URI
 * (RFC 8252 §7.3), and, for clients registered with {@link Client#loopbackAnyPath()}, any plain path on a
 * loopback host.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2">RFC 6749 §3.1.2</a>
 */
public final class RedirectUriRules {

    static final int MAX_LENGTH = 2048;
    static final int MAX_PORT = 65535;
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    /** RFC 3986 characters only: no spaces, backslashes, quotes, angle brackets or controls. */
    private static final Pattern URI_CHARACTERS = Pattern.compile("[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]+");
    /** The port at the end of an authority, as written: {@code host:port}, {@code [::1]:port}. */
    private static final Pattern PORT = Pattern.compile(":([0-9]*)$");
    /** Encoded dots, slashes, backslashes and percent signs can hide dot segments or a second host. */
    private static final Pattern ENCODED_PATH_TRICKS = Pattern.compile("%(2e|2f|5c|25)", Pattern.CASE_INSENSITIVE);

    private RedirectUriRules() {
    }

    /** True when the client may be redirected to {@code requested}. */
    public static boolean permits(Client client, String requested) {
        if (requested == null || requested.isEmpty() || requested.length() > MAX_LENGTH) {
            return false;
        }
        for (String registered : client.redirectUris()) {
            if (registered.equals(requested) || sameExceptLoopbackPort(registered, requested)) {
                return true;
            }
        }
        return client.loopbackAnyPath() && plainLoopback(requested).isPresent();
    }

    /**
     * Why a URI cannot be registered, or empty when it can: an absolute {@code https} URI, or a plain
     * {@code http} loopback URI (RFC 8252 §7.3); no fragment (RFC 6749 §3.1.2), no wildcard, no user info,
     * no dot segments or encoded separators, and a port, if any, from 1 to 65535.
     */
    public static Optional<String> registrationProblem(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return Optional.of("A redirect URI is empty.");
        }
        if (candidate.length() > MAX_LENGTH) {
            return Optional.of("A redirect URI is longer than " + MAX_LENGTH + " characters.");
        }
        if (candidate.indexOf('#') >= 0) {
            return Optional.of("A redirect URI must not have a fragment.");
        }
        if (candidate.indexOf('*') >= 0) {
            return Optional.of("A redirect URI must not contain wildcards.");
        }
        if (!hasValidPort(candidate)) {
            return Optional.of("A redirect URI's port must be from 1 to " + MAX_PORT + ".");
        }
        if (candidate.startsWith("http:")) {
            return plainLoopback(candidate).isPresent() ? Optional.empty()
                    : Optional.of("An http redirect URI must be on a loopback host (127.0.0.1, [::1] or localhost), "
                            + "with no query; use https otherwise.");
        }
        if (!candidate.startsWith("https://")) {
            return Optional.of("A redirect URI must use https (or http on a loopback host).");
        }
        if (!URI_CHARACTERS.matcher(candidate).matches() || ENCODED_PATH_TRICKS.matcher(candidate).find()) {
            return Optional.of("A redirect URI has characters that are not allowed.");
        }
        URI uri;
        try {
            uri = new URI(candidate);
        } catch (URISyntaxException e) {
            return Optional.of("A redirect URI is not a valid URI.");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null
                || !uri.getHost().equals(uri.getHost().toLowerCase(java.util.Locale.ROOT))) {
            return Optional.of("A redirect URI must name a lower-case host and no user info.");
        }
        for (String segment : uri.getRawPath().split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("A redirect URI must not have dot segments.");
            }
        }
        return Optional.empty();
    }

    /** False when the URI names a port outside 1 to 65535, or an empty one; true otherwise, also when it is no URI. */
    private static boolean hasValidPort(String candidate) {
        String authority;
        try {
            authority = new URI(candidate).getRawAuthority();
        } catch (URISyntaxException e) {
            return true;
        }
        Matcher port = authority == null ? null : PORT.matcher(authority);
        if (port == null || !port.find()) {
            return true;
        }
        String digits = port.group(1);
        return !digits.isEmpty() && digits.length() <= 5 && Integer.parseInt(digits) >= 1
                && Integer.parseInt(digits) <= MAX_PORT;
    }

    /** A registered loopback URI matches the same URI on any port. */
    static boolean sameExceptLoopbackPort(String registered, String requested) {
        Optional<URI> reg = plainLoopback(registered);
        Optional<URI> req = plainLoopback(requested);
        return reg.isPresent() && req.isPresent()
                && reg.get().getHost().equals(req.get().getHost())
                && reg.get().getRawPath().equals(req.get().getRawPath());
    }

    /**
     * The URI when it is an {@code http} URI on a loopback host written plainly: lower-case scheme and host,
     * an optional port (1 to 65535), a path without dot segments or encoded separators, and no user info, query
     * or fragment.
     */
    static Optional<URI> plainLoopback(String candidate) {
        if (candidate == null || candidate.length() > MAX_LENGTH || !URI_CHARACTERS.matcher(candidate).matches()
                || candidate.indexOf('#') >= 0 || candidate.indexOf('?') >= 0
                || ENCODED_PATH_TRICKS.matcher(candidate).find()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(candidate);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (!"http".equals(uri.getScheme()) || host == null || !LOOPBACK_HOSTS.contains(host)
                || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        String expectedAuthority = uri.getPort() == -1 ? host : host + ":" + uri.getPort();
        if (!expectedAuthority.equals(uri.getRawAuthority()) || uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
            return Optional.empty();
        }
        String path = uri.getRawPath();
        if (!path.isEmpty() && !path.startsWith("/")) {
            return Optional.empty();
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        return Optional.of(uri);
    }
}
