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

    private Checks() {
    }

    /** The check of an API call that the bank answered with the data. */
    static String apiAllowed(String path) {
        return "The bank found the access token valid (under 60 seconds old, not revoked) and its scope covering "
                + path + ", so it answered for the customer who allowed it.";
    }

    static String apiRefused(int status) {
        return "The bank refused the call with status " + status + ".";
    }

    static String registrationRefused(String error) {
        return "The bank refused the registration: " + error + ".";
    }
}
