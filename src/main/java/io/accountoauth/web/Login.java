package io.accountoauth.web;

import io.accountoauth.login.LoginOutcome;
import io.accountoauth.oauth.AuthorizationDecisions;
import io.accountoauth.oauth.AuthorizationRequest;
import io.accountoauth.oauth.PendingAuthorizations;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;

/** The customer logs in to answer an app's authorization request. */
@Named
@ViewScoped
public class Login implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PendingAuthorizations pending;

    @Inject
    SessionLogin sessionLogin;

    @Inject
    AuthorizationDecisions decisions;

    private String handle;
    private AuthorizationRequest authorization;
    private String username;
    private String password;
    private String message;

    /** Finds the authorization request this page was opened for. */
    public void load() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        handle = external.getRequestParameterMap().get("request");
        authorization = pending.find(handle).map(PendingAuthorizations.Pending::request).orElse(null);
        if (authorization == null) {
            external.setResponseStatus(400);
        }
    }

    public String signIn() {
        if (pending.find(handle).isEmpty()) {
            authorization = null;
            return null;
        }
        LoginOutcome outcome = sessionLogin.logIn(username, password);
        password = null;
        if (!(outcome instanceof LoginOutcome.LoggedIn loggedIn)) {
            message = SessionLogin.message(outcome);
            return null;
        }
        Optional<String> answered = decisions.afterLogin(handle, loggedIn.customer());
        if (answered.isPresent()) {
            Redirects.seeOther(answered.get());
            return null;
        }
        return "/consent.xhtml?faces-redirect=true&request=" + handle;
    }

    public boolean isValid() {
        return authorization != null;
    }

    public String getClientName() {
        return authorization.clientName();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getMessage() {
        return message;
    }
}
