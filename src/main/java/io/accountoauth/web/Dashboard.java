package io.accountoauth.web;

import io.accountoauth.client.ClientRepository;
import io.accountoauth.consent.Consent;
import io.accountoauth.consent.ConsentEvent;
import io.accountoauth.consent.ConsentService;
import io.accountoauth.consent.ConsentStatus;
import io.accountoauth.login.LoginOutcome;
import io.accountoauth.token.Scopes;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The customer's consents dashboard: every consent they gave, its history, and a way to take it back.
 * Behind a login (its own form, or the one for an app's request in the same browser session); a customer sees and
 * revokes only their own consents.
 */
@Named
@ViewScoped
public class Dashboard implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String VIEW = "/account/consents";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @Inject
    SessionLogin sessionLogin;

    @Inject
    ConsentService consents;

    @Inject
    ClientRepository clients;

    private String username;
    private String password;
    private String message;
    private String selectedId;
    private List<ConsentView> shown = List.of();


    public void load() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        selectedId = external.getRequestParameterMap().get("id");
        Optional<String> customer = sessionLogin.customer();
        if (customer.isEmpty()) {
            return;
        }
        if (selectedId == null) {
            shown = consents.ofCustomer(customer.get()).stream().map(this::view).toList();
            return;
        }
        Optional<Consent> consent = consents.ofCustomer(selectedId, customer.get());
        if (consent.isEmpty()) {
            // Another customer's consent, or none: the same answer either way
            external.setResponseStatus(404);
            message = "There is no such consent among yours.";
            shown = List.of();
            return;
        }
        shown = List.of(view(consent.get()));
    }

    public void signIn() {
        LoginOutcome outcome = sessionLogin.logIn(username, password);
        password = null;
        if (!(outcome instanceof LoginOutcome.LoggedIn)) {
            message = SessionLogin.message(outcome);
            return;
        }
        Redirects.seeOther(FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + VIEW
                + (selectedId == null ? "" : "?id=" + selectedId));
    }

    /** Takes a consent back; every token issued under it stops working at once. */
    public void revoke(String consentId) {
        Optional<String> customer = sessionLogin.customer();
        if (customer.isEmpty()) {
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (consents.revokeByCustomer(consentId, customer.get()).isEmpty()) {
            external.setResponseStatus(404);
            message = "There is no such consent among yours.";
            return;
        }
        Redirects.seeOther(external.getRequestContextPath() + VIEW + "?id=" + consentId);
    }

    public void signOut() {
        sessionLogin.logOut();
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Redirects.seeOther(external.getRequestContextPath() + VIEW);
    }

    private ConsentView view(Consent consent) {
        String app = clients.find(consent.clientId()).map(c -> c.name()).orElse(consent.clientId());
        List<ConsentView.EventView> history = consent.history().stream().map(this::view).toList();
        return new ConsentView(consent.id(), app, Scopes.permissions(consent.scope()), label(consent.status()),
                consent.status() == ConsentStatus.AUTHORISED, time(consent.createdAt()),
                time(consent.authorisedAt()), time(consent.expiresAt()), time(consent.revokedAt()),
                consent.revokedBy(), time(consent.lastUsedAt()), history);
    }

    private ConsentView.EventView view(ConsentEvent event) {
        return new ConsentView.EventView(label(event.to()), time(event.at()), event.actor());
    }

    private static String label(ConsentStatus status) {
        return status.name();
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public boolean isLoggedIn() {
        return sessionLogin.customer().isPresent();
    }

    public String getCustomer() {
        return sessionLogin.customer().orElse(null);
    }

    public List<ConsentView> getConsents() {
        return shown;
    }

    public boolean isDetail() {
        return selectedId != null;
    }

    public String getMessage() {
        return message;
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
}
