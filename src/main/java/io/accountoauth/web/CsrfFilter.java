package io.accountoauth.web;

import jakarta.faces.render.ResponseStateManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Refuses every POST to the customer's pages that does not carry the session's form token: 403, and nothing
 * changes. Faces treats any request that carries a view state as a form submission, whatever its method, so
 * such a request needs the token too; and the pages answer GET, HEAD and POST only (405 otherwise). Mapped to
 * the Faces servlet in web.xml.
 */
public class CsrfFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        boolean submission;
        String token;
        try {
            submission = "POST".equals(request.getMethod())
                    || request.getParameter(ResponseStateManager.VIEW_STATE_PARAM) != null;
            token = request.getParameter(CsrfTokens.FIELD);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // The container cannot decode the parameters (raw bytes that are not UTF-8, for one)
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        if (submission && !CsrfTokens.matches(request.getSession(false), token)) {
            // No token, a forged one, or another session's
            response.sendError(HttpServletResponse.SC_FORBIDDEN,
                    "This form did not come from this page of the bank, or it has expired.");
            return;
        }
        chain.doFilter(request, response);
    }
}
