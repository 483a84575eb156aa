package io.accountoauth.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

/**
 * A request without a body reaches the application without a Content-Type. When a request says it carries a
 * form but has none, Jersey (the JAX-RS implementation in Payara) takes the query's parameters for the form:
 * it logs a warning with the whole request URI, which for the original token call,
 * {@code GET /account/access_token?...&client_secret=...}, puts the client secret in the server's log; and a
 * malformed percent-escape in the query makes it fail with a 500. Without a body there is nothing for a
 * Content-Type to describe. Mapped to every request in web.xml.
 */
public class EmptyBodyFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String CONTENT_TYPE = "Content-Type";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean noBody = request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null;
        chain.doFilter(noBody && request.getContentType() != null ? new WithoutContentType(request) : request,
                response);
    }

    /** The request without its Content-Type header. */
    static final class WithoutContentType extends HttpServletRequestWrapper {

        WithoutContentType(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return CONTENT_TYPE.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return CONTENT_TYPE.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !CONTENT_TYPE.equalsIgnoreCase(name)).toList());
        }
    }
}
