package io.accountoauth.demo;

import io.accountoauth.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** Works out, from a request to the demo, where the bank is for the browser and for the app. */
@ApplicationScoped
public class BankAddress {

    /**
     * {@code demo.bank-url}: the bank's base URL for the app's own calls (discovery, registration, token and
     * API), such as {@code http://bank.internal:8080}. By default the app calls the server it runs in on the
     * loopback interface, at the port the request came in on: {@code http://127.0.0.1:<port><context path>}.
     * Set it when that address does not reach the bank, for example behind a proxy that ends TLS elsewhere.
     */
    private Optional<String> configured = Optional.empty();

    @Inject
    void configure(Settings settings) {
        configured = settings.bankUrl();
    }

    Addresses of(HttpServletRequest request) {
        String bankUrl = configured
                .orElseGet(() -> "http://127.0.0.1:" + request.getLocalPort() + request.getContextPath());
        return new Addresses(browserBase(request), bankUrl);
    }

    /** scheme://host:port and the context path, as the browser addressed this request. */
    static String browserBase(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443);
        String host = request.getServerName();
        boolean ipv6 = host.indexOf(':') >= 0 && !host.startsWith("[");
        return scheme + "://" + (ipv6 ? "[" + host + "]" : host) + (defaultPort ? "" : ":" + port)
                + request.getContextPath();
    }
}
