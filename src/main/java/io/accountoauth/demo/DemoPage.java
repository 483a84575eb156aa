package io.accountoauth.demo;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's page: the account as the app last read it, the token's remaining life, the buttons, the
 * sequence diagram and the steps. Each button does its work and redirects back here (303), so a reload
 * repeats nothing.
 */
@Named
@RequestScoped
public class DemoPage {

    @Inject
    DemoFlow flow;

    @Inject
    DemoSession session;

    @Inject
    DemoRegistrations registrations;

    @Inject
    BankAddress bankAddress;

    @Inject
    Clock clock;

    private Instant now;
    private SequenceDiagram diagram;

    /** Account data and tokens' fates are on this page: no cache keeps it. */
    public void load() {
        external().setResponseHeader("Cache-Control", "no-store");
    }

    /** "Connect your bank account": sends the browser to the bank with a new authorization request. */
    public void connect() {
        connect(Profile.PLAIN);
    }

    /** "Connect with FAPI 2.0": pushes the request to the bank, then sends the browser there with its reference. */
    public void connectFapi() {
        connect(Profile.FAPI2);
    }

    private void connect(Profile profile) {
        Addresses addresses = addresses();
        try {
            seeOther(flow.start(addresses, profile));
        } catch (DemoFailure e) {
            session.message(e.getMessage());
            seeOther(addresses.home());
        }
    }

    public void callAgain() {
        act(flow::callApi);
    }

    public void refresh() {
        act(flow::refresh);
    }

    public void startOver() {
        act(flow::startOver);
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (DemoFailure e) {
            session.message(e.getMessage());
        }
        seeOther(addresses().home());
    }

    public boolean isStarted() {
        return !session.steps().isEmpty();
    }

    /** Whether this flow is FAPI 2.0's: the page names it, and the diagram has its steps. */
    public boolean isFapi() {
        return session.profile().isFapi();
    }

    public boolean isHoldsToken() {
        return session.accessToken() != null;
    }

    public boolean isCanRefresh() {
        return session.refreshToken() != null;
    }

    public String getMessage() {
        return session.message();
    }

    public String getBalance() {
        return session.balance();
    }

    /** Whose account it is, as /account/info said: "Dave Thompson (dave)". */
    public String getOwner() {
        String fullname = session.fullname();
        String username = session.accountOwner();
        if (fullname == null) {
            return username;
        }
        return username == null ? fullname : fullname + " (" + username + ")";
    }

    /** The access token's expiry, epoch milliseconds, for the countdown script. */
    public long getExpiresAt() {
        Instant expiresAt = session.accessTokenExpiresAt();
        return expiresAt == null ? 0 : expiresAt.toEpochMilli();
    }

    /** The app's clock as it rendered the page, so that the script counts from the same clock. */
    public long getServerNow() {
        return now().toEpochMilli();
    }

    public long getSecondsLeft() {
        Instant expiresAt = session.accessTokenExpiresAt();
        if (expiresAt == null || !now().isBefore(expiresAt)) {
            return 0;
        }
        return (Duration.between(now(), expiresAt).toMillis() + 999) / 1000;
    }

    public boolean isExpired() {
        return getSecondsLeft() == 0;
    }

    public List<Step> getSteps() {
        return session.steps();
    }

    /** How the app set itself up at this address, once it has. */
    public BankSetup getSetup() {
        BankSetup setup = session.setup();
        return setup != null ? setup : registrations.find(addresses(), session.profile()).orElse(null);
    }

    public SequenceDiagram getDiagram() {
        if (diagram == null) {
            Map<StepKind, Boolean> outcomes = new EnumMap<>(StepKind.class);
            session.steps().forEach(step -> outcomes.put(step.kind(), step.isOk()));
            diagram = SequenceDiagram.of(session.profile(), outcomes);
        }
        return diagram;
    }

    private Instant now() {
        if (now == null) {
            now = clock.instant();
        }
        return now;
    }

    private Addresses addresses() {
        return bankAddress.of((HttpServletRequest) external().getRequest());
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }

    /** A 303, so that the browser follows the POST with a GET. */
    private static void seeOther(String location) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.setResponseStatus(303);
        external.setResponseHeader("Location", location);
        external.setResponseHeader("Cache-Control", "no-store");
        faces.responseComplete();
    }
}
