package io.accountoauth.web;

import io.accountoauth.login.CustomerAuthenticator;
import io.accountoauth.login.LoginOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** Logs a customer in for this browser: checks the credentials, and on success starts a new session id and form token. */
@ApplicationScoped
public class SessionLogin {

    @Inject
    CustomerAuthenticator authenticator;

    public LoginOutcome logIn(String username, String password) {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        LoginOutcome outcome = authenticator.authenticate(username, password, request.getRemoteAddr());
        if (outcome instanceof LoginOutcome.LoggedIn) {
            // A new session id and form token after login (session fixation)
            request.changeSessionId();
            CsrfTokens.rotate(request.getSession());
        }
        return outcome;
    }

    /** What the login form says for an outcome that is not a login. */
    public static String message(LoginOutcome outcome) {
        return CustomerAuthenticator.message(outcome);
    }
}
