package io.accountoauth.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses every POST to the customer's pages that does not carry the session's form token: 403, and nothing
 * changes. Mapped to the Faces servlet in web.xml.
 */
public class CsrfFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod())
                && !CsrfTokens.matches(request.getSession(false), request.getParameter(CsrfTokens.FIELD))) {
            // No token, a forged one, or another session's
            response.sendError(HttpServletResponse.SC_FORBIDDEN,
                    "This form did not come from this page of the bank, or it has expired.");
            return;
        }
        chain.doFilter(request, response);
    }
}
