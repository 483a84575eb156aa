package io.accountoauth.web;

import io.accountoauth.account.CustomerRepository;
import io.accountoauth.oauth.AuthorizationDecisions;
import io.accountoauth.oauth.ConsentPrompt;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The customer decides what the app may read: each permission ticked or not, then Allow or Deny. */
@Named
@ViewScoped
public class ConsentDecision implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    AuthorizationDecisions decisions;

    @Inject
    CustomerRepository customers;

    @Inject
    SessionLogin sessionLogin;

    private String handle;
    private ConsentPrompt prompt;
    private String customerName;
    private List<String> ticked = new ArrayList<>();

    /** Finds the authorization request, which must have a logged-in customer. */
    public void load() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        handle = external.getRequestParameterMap().get("request");
        prompt = sessionLogin.customer().flatMap(customer -> decisions.prompt(handle, customer)).orElse(null);
        if (prompt == null) {
            external.setResponseStatus(400);
            return;
        }
        ticked = new ArrayList<>(prompt.permissions());
        customerName = customers.find(prompt.customer()).map(c -> c.fullname()).orElse(prompt.customer());
    }

    public void allow() {
        answer(sessionLogin.customer().flatMap(customer -> decisions.allow(handle, customer, ticked)));
    }

    public void deny() {
        answer(sessionLogin.customer().flatMap(customer -> decisions.deny(handle, customer)));
    }

    private void answer(Optional<String> redirect) {
        if (redirect.isEmpty()) {
            prompt = null;
            return;
        }
        Redirects.seeOther(redirect.get());
    }

    public boolean isValid() {
        return prompt != null;
    }

    public String getClientName() {
        return prompt.request().clientName();
    }

    public String getCustomerName() {
        return customerName;
    }

    /** Where the app will receive the answer, as the customer should check it. */
    public String getRedirectHost() {
        URI uri = URI.create(prompt.request().redirectUri());
        return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    public List<String> getPermissions() {
        return prompt.permissions();
    }

    public String getExpiresOn() {
        return DATE.format(prompt.wouldExpire());
    }

    public List<String> getTicked() {
        return ticked;
    }

    public void setTicked(List<String> ticked) {
        this.ticked = ticked == null ? new ArrayList<>() : new ArrayList<>(ticked);
    }
}
