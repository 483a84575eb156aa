package io.accountoauth.demo;

/** The two ways the app connects to the bank, each with its own registration there. */
public enum Profile {

    /**
     * OAuth 2.0 as most apps use it: a client secret (client_secret_basic), the authorization request in the
     * browser's address, PKCE, and bearer tokens.
     */
    PLAIN("My Money Managing App (demo)"),

    /**
     * The FAPI 2.0 Security Profile: a key pair instead of a secret (private_key_jwt), the authorization request
     * pushed to the bank first (PAR), and access tokens bound to a key the app proves it holds (DPoP).
     */
    FAPI2("My Money Managing App (demo, FAPI 2.0)");

    private final String clientName;

    Profile(String clientName) {
        this.clientName = clientName;
    }

    String clientName() {
        return clientName;
    }

    public boolean isFapi() {
        return this == FAPI2;
    }
}
