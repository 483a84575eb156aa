package io.accountoauth.demo;

/** What the bank, or the app, checked at each step: one sentence each, as the page shows it. */
final class Checks {

    static final String DISCOVERY = "Nothing to check: the metadata is public. The app keeps the issuer, to compare "
            + "with the iss of the bank's answer later, and sees that the bank supports PKCE S256, the iss "
            + "parameter and client_secret_basic.";

    static final String REGISTRATION = "The bank checked the redirect URI (https, or http on a loopback host such "
            + "as this one; no fragment, wildcard or user info), the authentication method and its limit of "
            + "registrations per address and hour, then issued a client_id and a secret that it keeps only as a "
            + "digest and shows this once.";

    static final String AUTHORIZE = "The bank checked that the client_id is known, that the redirect_uri is "
            + "registered for it exactly, and that the code_challenge is a well-formed S256 challenge; only then "
            + "did it ask you to log in.";

    static final String LOGIN = "The bank checked your log-in, in the browser session that started the request, "
            + "and your consent to what the app asked for (given now, or earlier and still valid), then sent your "
            + "browser back with a code that works once, for 60 seconds.";

    static final String DENIED = "The bank checked your log-in, and you did not allow the app: the bank sent your "
            + "browser back with error=access_denied and no code.";

    static final String CALLBACK = "The app checked that state matches the one it sent, so this answer belongs to "
            + "the request this browser started, and that iss is the bank's issuer (RFC 9207), so the code comes "
            + "from the bank it sent you to.";

    static final String CALLBACK_STATE = "The app checked state and it does not match the one it sent: this "
            + "answer is not for a request this browser started, so the app stops here and uses no code.";

    static final String CALLBACK_ISS = "The app checked iss and it is not the issuer of the bank it sent you to "
            + "(RFC 9207): the answer may come from another server, so the app stops here and uses no code.";

    static final String CALLBACK_UNEXPECTED = "The app has no authorization request waiting in this browser (none "
            + "was sent, or its answer came already), so it ignores this answer.";

    static final String CALLBACK_NO_CODE = "state and iss match, but the answer carries neither a code nor an "
            + "error, so the app has nothing to exchange.";

    static final String TOKEN = "The bank authenticated the app (client_secret_basic), found the code unused, "
            + "under 60 seconds old and issued to this app, the redirect_uri identical to the authorization "
            + "request's, and BASE64URL(SHA-256(code_verifier)) equal to the code_challenge; it used the code up "
            + "and issued the tokens.";

    static final String TOKEN_REFUSED = "The bank checks the app's credentials, that the code is unused, under 60 "
            + "seconds old and this app's, that the redirect_uri is identical and that SHA-256(code_verifier) "
            + "matches the code_challenge; one of these failed: ";

    static final String REFRESH = "The bank authenticated the app, found the refresh token current and issued to "
            + "this app, and rotated it: the answer carries a new refresh token, and the old one has ended "
            + "(presented again, it would revoke the whole grant).";

    static final String REFRESH_REFUSED = "The bank checks the app's credentials and that the refresh token is "
            + "current (not used before, not revoked, its consent not ended) and this app's; one of these failed: ";

    static final String API_UNAUTHORIZED = "The bank found no valid access token: it is more than 60 seconds old "
            + "(or revoked), so it answered 401 with error=\"invalid_token\" in WWW-Authenticate. Refresh gets a "
            + "new one.";

    static final String API_FORBIDDEN = "The access token is valid, but its scope does not cover this call, so the "
            + "bank answered 403 insufficient_scope.";

    static final String DISCOVERY_FAPI = "Nothing to check: the metadata is public. The app keeps the issuer, the "
            + "audience of its client assertions and the base of its proofs' htu, and sees that the bank takes "
            + "pushed authorization requests, DPoP proofs and private_key_jwt, each with ES256.";

    static final String REGISTRATION_FAPI = "The bank checked the redirect URIs and the jwks: public keys only, of a "
            + "kind it takes (EC P-256 for ES256, RSA of 2048 bits or more for PS256, Ed25519 for EdDSA); it recorded "
            + "the three FAPI 2.0 settings (pushed requests only, DPoP-bound tokens, private_key_jwt) and issued a "
            + "client_id and no secret: the app proves who it is with its private key, which never leaves it.";

    static final String PAR = "The bank verified the client assertion (signed by a key the app registered, iss and "
            + "sub the client_id, aud the bank's issuer alone, expiring within 5 minutes, its jti never seen before), "
            + "checked the redirect_uri, the S256 code_challenge that FAPI 2.0 requires and the dpop_jkt, then kept "
            + "the request for 60 seconds and answered with a single-use reference to it.";

    static final String PAR_REFUSED = "The bank checks the client assertion, the redirect_uri, the PKCE challenge "
            + "and every other parameter before it keeps a pushed request; one of these failed: ";

    static final String AUTHORIZE_FAPI = "The bank found the pushed request by its request_uri: unused, under 60 "
            + "seconds old and pushed by this client_id. It used it up and took every parameter from it, none from "
            + "the address; only then did it ask you to log in.";

    static final String TOKEN_NONCE = "The bank checked the DPoP proof and, as this app's tokens are DPoP-bound, "
            + "wants its proofs to carry a nonce of the bank's (RFC 9449 §8), so that none can be made in advance: it "
            + "answered use_dpop_nonce with the nonce in the DPoP-Nonce header. The app asks again with a new proof "
            + "carrying it, and a new client assertion.";

    static final String TOKEN_FAPI = "The bank verified the client assertion and the DPoP proof (typ dpop+jwt, "
            + "signed by the key in its header, htm POST, htu its token endpoint, iat fresh, jti new, its current "
            + "nonce), found the code unused, under 60 seconds old, this app's and bound by dpop_jkt to the proof's "
            + "key, the redirect_uri identical and SHA-256(code_verifier) equal to the code_challenge; it issued an "
            + "access token bound to that key (token_type DPoP).";

    static final String TOKEN_FAPI_REFUSED = "The bank checks the client assertion, the DPoP proof, that the code is "
            + "unused, under 60 seconds old, this app's and bound to the proof's key, the redirect_uri and the PKCE "
            + "verifier; one of these failed: ";

    static final String INTROSPECTION_REFUSED = "The bank did not describe the token as active: ";

    static final String API_NONCE = "The bank found the access token valid and the proof made for this request, "
            + "but carrying a nonce the API no longer takes (RFC 9449 §9): it answered 401 with error "
            + "use_dpop_nonce and its current nonce in DPoP-Nonce. The app calls again with a new proof carrying it.";

    static final String API_UNAUTHORIZED_DPOP = "The bank refused the token or its proof: more than 60 seconds old "
            + "or revoked, or a proof that does not hold for this request; it answered 401 with the DPoP scheme's "
            + "error in WWW-Authenticate. Refresh gets a new token.";

    static final String REFRESH_FAPI = "The bank verified the client assertion and the DPoP proof, found the refresh "
            + "token current and this app's, and bound the new access token to the proof's key. Under FAPI 2.0 it "
            + "does not rotate the refresh token: the same one keeps working, the app's key and assertion standing "
            + "where rotation would.";

    private Checks() {
    }

    /** The check of an API call that the bank answered with the data. */
    static String apiAllowed(String path) {
        return "The bank found the access token valid (under 60 seconds old, not revoked) and its scope covering "
                + path + ", so it answered for the customer who allowed it.";
    }

    /** The check of a DPoP API call that the bank answered with the data. */
    static String apiAllowedWithProof(String path) {
        return "The bank found the access token valid and DPoP-bound, and the proof made for this very request: "
                + "signed by the key whose thumbprint is the token's cnf.jkt, htm GET, htu " + path + ", ath the "
                + "hash of this token, iat fresh, jti new, and its nonce, when it has one, the API's current one; so "
                + "it answered for the customer who allowed it, with the nonce for the next proof in DPoP-Nonce.";
    }

    /** The app's check of the introspection answer: the token is bound to its own key. */
    static String introspection(String jkt, boolean same) {
        return "The bank authenticated the app by a new client assertion and described the token: cnf.jkt, the "
                + "SHA-256 thumbprint of the key it is bound to, is " + jkt + ". The app compared it with its own "
                + "DPoP key's thumbprint: " + (same ? "the same, so only this app can use the token."
                        : "they differ, so the token is not bound to the app's key.");
    }

    static String apiRefused(int status) {
        return "The bank refused the call with status " + status + ".";
    }

    static String registrationRefused(String error) {
        return "The bank refused the registration: " + error + ".";
    }
}
