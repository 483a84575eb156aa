package io.accountoauth.demo;

import com.nimbusds.jose.jwk.ECKey;
import java.io.Serializable;
import java.util.List;

/**
 * What the app knows of the bank at one address: the endpoints it discovered, and its own registration
 * there. The client secret, or under FAPI 2.0 the private key, never leaves this object but in the app's own
 * requests.
 */
public final class BankSetup implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Profile profile;
    private final Addresses addresses;
    private final String issuer;
    private final String appIssuer;
    private final Endpoints endpoints;
    private final String clientId;
    private final String clientSecret;
    private final ECKey clientKey;
    private final List<Step> steps;

    /** Where the app sends the browser, and where it calls the bank itself. */
    record Endpoints(String authorization, String token, String pushedRequests, String introspection)
            implements Serializable {
    }

    BankSetup(Profile profile, Addresses addresses, String issuer, String appIssuer, Endpoints endpoints,
            String clientId, String clientSecret, ECKey clientKey, List<Step> steps) {
        this.profile = profile;
        this.addresses = addresses;
        this.issuer = issuer;
        this.appIssuer = appIssuer;
        this.endpoints = endpoints;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clientKey = clientKey;
        this.steps = List.copyOf(steps);
    }

    Profile profile() {
        return profile;
    }

    Addresses addresses() {
        return addresses;
    }

    /** The bank's issuer as the browser's answers name it (the iss parameter). */
    String issuer() {
        return issuer;
    }

    /**
     * The bank's issuer as it names itself to the app's own calls: the {@code aud} of the app's client assertions,
     * and the base of the URIs its DPoP proofs name ({@link #published}).
     */
    String appIssuer() {
        return appIssuer;
    }

    /** For the browser. */
    String authorizationEndpoint() {
        return endpoints.authorization();
    }

    /** For the app's own calls. */
    String tokenEndpoint() {
        return endpoints.token();
    }

    /** For the app's own calls: RFC 9126's pushed authorization requests. */
    String pushedRequestsEndpoint() {
        return endpoints.pushedRequests();
    }

    /** For the app's own calls: RFC 7662's introspection. */
    String introspectionEndpoint() {
        return endpoints.introspection();
    }

    /**
     * A URL the app calls, as the bank publishes it: under its issuer rather than the address the app reaches it at
     * ({@code demo.bank-url}). A DPoP proof's {@code htu} names this (RFC 9449 §4.2).
     */
    String published(String url) {
        String base = addresses.bankUrl();
        return url.startsWith(base + "/") ? appIssuer + url.substring(base.length()) : url;
    }

    String clientId() {
        return clientId;
    }

    String clientSecret() {
        return clientSecret;
    }

    /** The key pair the app signs its client assertions with under FAPI 2.0; its public half is registered. */
    ECKey clientKey() {
        return clientKey;
    }

    public boolean isFapi() {
        return profile.isFapi();
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
