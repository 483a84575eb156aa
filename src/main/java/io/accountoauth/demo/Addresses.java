package io.accountoauth.demo;

/**
 * Where the bank is, seen from two sides.
 *
 * @param browserBase the bank as the customer's browser reaches it: the redirect URI and the authorize URL
 *                    are built on it
 * @param bankUrl     the bank as this app reaches it, server to server: discovery, registration, token and API
 */
record Addresses(String browserBase, String bankUrl) {

    static final String CALLBACK_PATH = "/demo/callback";
    static final String HOME_PATH = "/demo/";

    String redirectUri() {
        return browserBase + CALLBACK_PATH;
    }

    /** The demo's page, where every step ends. */
    String home() {
        return browserBase + HOME_PATH;
    }
}
