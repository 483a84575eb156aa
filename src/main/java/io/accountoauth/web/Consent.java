package io.accountoauth.web;

import io.accountoauth.account.CustomerRepository;
import io.accountoauth.oauth.AuthorizationRequest;
import io.accountoauth.oauth.PendingAuthorizations;
import io.accountoauth.token.Scopes;
import io.accountoauth.token.CodeRequest;
import io.accountoauth.token.TokenRegistry;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** The customer allows or denies the app's request; allowing creates the authorization code. */
@Named
@ViewScoped
public class Consent implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PendingAuthorizations pending;

    @Inject
    CustomerRepository customers;

    @Inject
    TokenRegistry registry;

    private String handle;
    private AuthorizationRequest authorization;
    private String customerName;

    /** Finds the authorization request, which must have a logged-in customer. */
    public void load() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        handle = external.getRequestParameterMap().get("request");
        Optional<PendingAuthorizations.Pending> found =
                pending.find(handle).filter(PendingAuthorizations.Pending::authenticated);
        if (found.isEmpty()) {
            external.setResponseStatus(400);
            return;
        }
        authorization = found.get().request();
        customerName = customers.find(found.get().customer()).map(c -> c.fullname()).orElse(found.get().customer());
    }

    /** Issues the code and sends the browser back to the app with it (RFC 6749 §4.1.2). */
    public void allow() {
        Optional<PendingAuthorizations.Pending> done = pending.complete(handle);
        if (done.isEmpty()) {
            authorization = null;
            return;
        }
        AuthorizationRequest request = done.get().request();
        String code = registry.issueCode(new CodeRequest(request.clientId(), request.redirectUri(),
                done.get().customer(), request.scope(), request.codeChallenge()));
        redirect(request.codeResponse(code));
    }

    /** Sends the browser back to the app with {@code access_denied} (RFC 6749 §4.1.2.1). */
    public void deny() {
        Optional<PendingAuthorizations.Pending> done = pending.complete(handle);
        if (done.isEmpty()) {
            authorization = null;
            return;
        }
        AuthorizationRequest request = done.get().request();
        redirect(request.errorResponse("access_denied", "The customer denied the request."));
    }

    /** A 303, so that the browser follows with a GET (RFC 9700 §4.12). */
    private static void redirect(String location) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.setResponseStatus(303);
        external.setResponseHeader("Location", location);
        external.setResponseHeader("Cache-Control", "no-store");
        faces.responseComplete();
    }

    public boolean isValid() {
        return authorization != null;
    }

    public String getClientName() {
        return authorization.clientName();
    }

    public String getCustomerName() {
        return customerName;
    }

    /** Where the app will receive the answer, as the customer should check it. */
    public String getRedirectHost() {
        URI uri = URI.create(authorization.redirectUri());
        return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    public List<String> getPermissions() {
        return Scopes.permissions(authorization.scope());
    }
}
