package io.accountoauth.oauth;

import io.accountoauth.token.AuthorizationCode;

/**
 * A code's exchange names the redirect URI of its authorization request, where one is sent.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3">RFC 6749 §4.1.3</a>
 */
final class RedirectUriBinding {

    private RedirectUriBinding() {
    }

    /**
     * @param presented the redirect_uri the exchange sent, or null where it sent none (the original call may)
     * @throws OAuthException {@code invalid_grant} when it differs from the authorization request's
     */
    static void check(AuthorizationCode code, String presented) {
        if (presented != null && !presented.equals(code.redirectUri())) {
            throw OAuthException.invalidGrant("The redirect_uri differs from the authorization request's.");
        }
    }
}
