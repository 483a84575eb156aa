package io.accountoauth.oauth;

import io.accountoauth.client.Client;
import io.accountoauth.token.Redemption;
import io.accountoauth.token.TokenRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The authorization-code grant once the client is authenticated: redeem the code, mint the access token.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3">RFC 6749 §4.1.3</a>
 */
@ApplicationScoped
public class CodeExchange {

    @Inject
    TokenRegistry registry;

    /**
     * @param redirectUri the redirect URI the client sent with the exchange, or null where it sent none
     * @throws OAuthException {@code invalid_grant} for a code that is unknown, expired, used, another
     *                        client's, or issued for another redirect URI
     */
    public TokenResponse exchange(Client client, String code, String redirectUri) {
        Redemption redemption = registry.redeem(code, client.clientId(), redirectUri);
        if (redemption instanceof Redemption.Refused refused) {
            throw OAuthException.invalidGrant(refused.reason());
        }
        var grant = ((Redemption.Granted) redemption).code();
        String accessToken = registry.issueAccessToken(grant);
        return TokenResponse.bearer(accessToken, grant.scope(), TokenRegistry.ACCESS_TOKEN_LIFETIME.toSeconds());
    }
}
