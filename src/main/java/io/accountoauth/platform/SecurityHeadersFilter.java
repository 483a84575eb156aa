package io.accountoauth.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The headers a bank's pages carry: a Content-Security-Policy with no inline script and no framing, no
 * Referer leaving the site (authorization codes travel in URLs), no MIME sniffing, and no caching of
 * anything but the static files. Mapped to every request in web.xml.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Same-origin only; no inline script; styles inline only where a bundled page needs them. */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    /** Swagger UI sets inline styles on its elements. */
    static final String API_DOCS_POLICY = POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = resolvedPath(request);
        response.setHeader("Content-Security-Policy", path.startsWith("/api-docs") ? API_DOCS_POLICY : POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!isCacheable(path)) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    /**
     * The path within the application as the container resolved it to a servlet, after decoding and removing dot
     * segments: {@code /static/../login.xhtml} is the login page. The raw request URI is what the client sent, and
     * would let it choose its own headers. On an error dispatch, the error page's own path.
     */
    static String resolvedPath(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    /** Static files, and the discovery document, which sets its own lifetime. */
    private static boolean isCacheable(String path) {
        return path.startsWith("/static/") || path.startsWith("/webjars/") || path.startsWith("/.well-known/");
    }
}
