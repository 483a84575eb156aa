package io.accountoauth.web;

import io.accountoauth.login.CustomerAuthenticator;
import io.accountoauth.login.LoginOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * Logs a customer in for this browser ({@link CustomerAuthenticator}), and on success starts a new session id and
 * form token; logs them out by ending the login and the session.
 */
@ApplicationScoped
public class SessionLogin {

    @Inject
    CustomerAuthenticator authenticator;

    public LoginOutcome logIn(String username, String password) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        LoginOutcome outcome = authenticator.logIn(username, password, request,
                (HttpServletResponse) external.getResponse());
        if (outcome instanceof LoginOutcome.LoggedIn) {
            // A new session id and form token after login (session fixation)
            request.changeSessionId();
            // A logged-in session lives the configured time (web.xml), not the short life of an anonymous one
            request.getSession().setMaxInactiveInterval(request.getServletContext().getSessionTimeout() * 60);
            CsrfTokens.rotate(request.getSession());
        }
        return outcome;
    }

    /** The customer logged in to this browser session, if any. */
    public Optional<String> customer() {
        return authenticator.loggedIn(
                (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    public void logOut() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        authenticator.logOut();
        external.invalidateSession();
    }

    /** What the login form says for an outcome that is not a login. */
    public static String message(LoginOutcome outcome) {
        return LoginOutcome.message(outcome);
    }
}
