package io.accountoauth.oauth;

import io.accountoauth.token.Grant;
import io.accountoauth.token.Scopes;
import jakarta.ws.rs.core.Response.Status;

/**
 * A refresh may narrow the new access token's scope, never widen it.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6</a>
 */
final class ScopeNarrowing {

    private ScopeNarrowing() {
    }

    /**
     * @param requested the scope asked for, already normalized, or null for the grant's own
     * @return the grant the new access token carries
     * @throws OAuthException {@code invalid_scope} when the request is wider than the grant
     */
    static Grant apply(Grant grant, String requested) {
        if (requested == null) {
            return grant;
        }
        if (!Scopes.within(requested, grant.scope())) {
            throw new OAuthException(Status.BAD_REQUEST, "invalid_scope", "A refresh cannot widen the grant's scope.");
        }
        return grant.withScope(requested);
    }
}
