package io.accountoauth.oauth;

import io.accountoauth.client.Client;
import io.accountoauth.token.Grant;
import io.accountoauth.token.IssuedTokens;
import io.accountoauth.token.RefreshRules;
import io.accountoauth.token.Refreshing;
import io.accountoauth.token.TokenRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The refresh-token grant once the client is authenticated: the registry applies its rules (the client it was
 * issued to, a scope no wider than the grant's) around its own rotation and reuse detection.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 §4.14.2</a>
 */
@ApplicationScoped
public class RefreshExchange {

    @Inject
    TokenRegistry registry;

    /**
     * @param scope the scope asked for, already normalized, or null for the grant's own
     * @throws OAuthException {@code invalid_grant} for a refresh token that is unknown, expired, revoked, used or
     *                        another client's; {@code invalid_scope} for a scope wider than the grant's
     */
    public IssuedTokens exchange(Client client, String refreshToken, String scope) {
        return exchange(client, refreshToken, scope, null);
    }

    /** As above, the new access token bound to the key {@code jkt} (DPoP) when not null. */
    public IssuedTokens exchange(Client client, String refreshToken, String scope, String jkt) {
        Refreshing outcome = registry.refresh(refreshToken, new RefreshRules() {
            @Override
            public void presenter(Grant grant) {
                ClientBinding.check(grant, client, "refresh token");
                if (client.isPublic()) {
                    // RFC 9449 §5.0: a public client's refresh token bound to a DPoP key needs a proof of that key
                    registry.refreshBoundKey(grant.grantId()).filter(bound -> !bound.equals(jkt)).ifPresent(bound -> {
                        throw OAuthException.invalidGrant("The refresh token is bound to a DPoP key: the request "
                                + "needs a DPoP proof made with that key.");
                    });
                }
            }

            @Override
            public Grant request(Grant grant) {
                return ScopeNarrowing.apply(grant, scope);
            }

            @Override
            public boolean rotates() {
                return !client.isFapi();
            }
        }, jkt);
        if (outcome instanceof Refreshing.Refused refused) {
            throw OAuthException.invalidGrant(switch (refused.reason()) {
                case UNKNOWN -> "The refresh token is unknown, expired or revoked.";
                case REUSED -> "The refresh token has already been used; its grant is revoked.";
                case REVOKED -> "The grant has been revoked.";
            });
        }
        return ((Refreshing.Refreshed) outcome).tokens();
    }
}
