package io.accountoauth.login;

import io.accountoauth.platform.RandomValues;
import io.accountoauth.state.Fields;
import io.accountoauth.state.SharedMap;
import io.accountoauth.state.SharedState;
import io.accountoauth.token.TokenDigest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The browsers each customer has logged in from (OWASP's "device cookies"). A successful login gives the browser
 * a random cookie, and the account remembers its digest; a later login from that browser is recognised wherever
 * it comes from. Failures from unrecognised browsers lock such browsers out of an account for a while, and never
 * a browser the customer has used before.
 *
 * <p>The cookie is only a recognition: it logs nobody in. The digests are on the shared map, the ten most recent
 * per account, for {@link #REMEMBERED} after their last login.
 */
@ApplicationScoped
public class KnownBrowsers {

    /** Each account's recent browsers, as digests of their cookies, counted over every node. */
    public static final String BROWSERS = "account-oauth.known-browsers";
    public static final String COOKIE = "account-oauth-browser";
    public static final Duration REMEMBERED = Duration.ofDays(90);
    static final int PER_ACCOUNT = 10;

    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{43}");

    @Inject
    SharedState state;

    private SharedMap browsers;

    @PostConstruct
    void init() {
        browsers = state.map(BROWSERS, REMEMBERED);
    }

    /** The digest of this browser's cookie when the account knows it. */
    public Optional<String> recognised(String account, HttpServletRequest request) {
        Optional<String> digest = cookie(request).map(TokenDigest::of);
        String packed = browsers.get(key(account));
        if (digest.isEmpty() || packed == null) {
            return Optional.empty();
        }
        return List.of(Fields.unpack(packed)).contains(digest.get()) ? digest : Optional.empty();
    }

    /** After a successful login: the account knows this browser from now on, and the browser keeps its cookie. */
    public void remember(String account, HttpServletRequest request, HttpServletResponse response) {
        String value = cookie(request).orElseGet(RandomValues::next);
        String digest = TokenDigest.of(value);
        String key = key(account);
        while (true) {
            String packed = browsers.get(key);
            List<String> digests = new ArrayList<>();
            digests.add(digest);
            if (packed != null) {
                for (String known : Fields.unpack(packed)) {
                    if (!known.equals(digest) && digests.size() < PER_ACCOUNT) {
                        digests.add(known);
                    }
                }
            }
            String next = Fields.pack(digests.toArray(String[]::new));
            if (packed == null ? browsers.putIfAbsent(key, next) : browsers.replace(key, packed, next)) {
                break;
            }
        }
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge((int) REMEMBERED.toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && VALUE.matcher(cookie.getValue()).matches()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static String key(String account) {
        return account.toLowerCase(Locale.ROOT);
    }
}
