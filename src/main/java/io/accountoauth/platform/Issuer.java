package io.accountoauth.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * This server's issuer identifier: the external base URL, from {@code oauth.issuer} when configured, and
 * otherwise from the request's scheme, host and port, so that a server on any port works with no set-up.
 * Discovery, the metadata and the {@code iss} authorization response parameter all use it.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8414#section-2">RFC 8414 §2</a>
 */
@ApplicationScoped
public class Issuer {

    private Optional<String> configured = Optional.empty();

    @Inject
    void configure(Settings settings) {
        configured = settings.issuer();
    }

    /** True when no issuer is configured, so that each request's Host gives it. */
    public boolean followsHost() {
        return configured.isEmpty();
    }

    public String of(HttpServletRequest request) {
        return configured.orElseGet(() -> fromRequest(request));
    }

    private static String fromRequest(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
                || ("https".equals(scheme) && port == 443);
        String host = request.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }
}
