package io.accountoauth.testsupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** How long the caller's HTTP session lives when idle: present only in test deployments. */
@Path("session")
@ApplicationScoped
public class SessionResource {

    /** Seconds, or "none" when the request has no session. */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String maxInactiveInterval(@Context HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? "none" : Integer.toString(session.getMaxInactiveInterval());
    }
}
