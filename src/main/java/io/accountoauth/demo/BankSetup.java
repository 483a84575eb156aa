package io.accountoauth.demo;

import java.io.Serializable;
import java.util.List;

/**
 * What the app knows of the bank at one address: the endpoints it discovered, and its own registration
 * there. The client secret never leaves this object but in the app's token requests.
 */
public final class BankSetup implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Addresses addresses;
    private final String issuer;
    private final String authorizationEndpoint;
    private final String tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final List<Step> steps;

    BankSetup(Addresses addresses, String issuer, String authorizationEndpoint, String tokenEndpoint,
            String clientId, String clientSecret, List<Step> steps) {
        this.addresses = addresses;
        this.issuer = issuer;
        this.authorizationEndpoint = authorizationEndpoint;
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.steps = List.copyOf(steps);
    }

    Addresses addresses() {
        return addresses;
    }

    /** The bank's issuer as the browser's answers name it (the iss parameter). */
    String issuer() {
        return issuer;
    }

    /** For the browser. */
    String authorizationEndpoint() {
        return authorizationEndpoint;
    }

    /** For the app's own calls. */
    String tokenEndpoint() {
        return tokenEndpoint;
    }

    /** For the app's own calls: {@code /account/info} and {@code /account/balance} are under it. */
    String apiBase() {
        return addresses.bankUrl() + "/account";
    }

    String clientId() {
        return clientId;
    }

    String clientSecret() {
        return clientSecret;
    }

    public String getClientId() {
        return clientId;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getRedirectUri() {
        return addresses.redirectUri();
    }

    /** How the app found the bank's endpoints and registered itself. */
    public List<Step> getSteps() {
        return steps;
    }
}
