package io.accountoauth.oauth;

import io.accountoauth.client.Client;
import io.accountoauth.token.AuthorizationCode;
import io.accountoauth.token.CodeRules;
import io.accountoauth.token.IssuedTokens;
import io.accountoauth.token.Redemption;
import io.accountoauth.token.TokenRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The authorization-code grant once the client is authenticated: the registry claims the code and applies its
 * rules (client, redirect URI, PKCE) before it issues tokens. The code is used up by the first attempt, whatever
 * its outcome, so a verifier cannot be guessed.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3">RFC 6749 §4.1.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.6">RFC 7636 §4.6</a>
 */
@ApplicationScoped
public class CodeExchange {

    @Inject
    TokenRegistry registry;

    /**
     * @param redirectUri      the redirect URI the client sent with the exchange, or null where it sent none
     * @param codeVerifier     the PKCE verifier, or null
     * @param withRefreshToken whether to issue a refresh token with the access token
     * @throws OAuthException {@code invalid_grant} for a code that is unknown, expired, used, another
     *                        client's, issued for another redirect URI, or whose PKCE proof fails
     */
    public IssuedTokens exchange(Client client, String code, String redirectUri, String codeVerifier,
            boolean withRefreshToken) {
        return exchange(client, code, redirectUri, codeVerifier, withRefreshToken, null);
    }

    /** As above, the access token bound to the key {@code jkt} (DPoP) when not null. */
    public IssuedTokens exchange(Client client, String code, String redirectUri, String codeVerifier,
            boolean withRefreshToken, String jkt) {
        Redemption redemption = registry.redeem(code, new CodeRules() {
            @Override
            public void check(AuthorizationCode issued) {
                ClientBinding.check(issued.grant(), client, "code");
                RedirectUriBinding.check(issued, redirectUri);
                Pkce.verify(issued, codeVerifier);
                if (issued.dpopJkt() != null && !issued.dpopJkt().equals(jkt)) {
                    // RFC 9449 §10: the code is bound to the key named in the authorization request
                    throw OAuthException.invalidGrant("The code is bound to a DPoP key (dpop_jkt): the token request "
                            + "needs a DPoP proof made with that key.");
                }
            }

            @Override
            public boolean bindsRefreshTokens() {
                return client.isPublic();
            }
        }, withRefreshToken, jkt);
        if (redemption instanceof Redemption.Refused refused) {
            throw OAuthException.invalidGrant(switch (refused.reason()) {
                case UNKNOWN -> "The code is unknown.";
                case EXPIRED -> "The code has expired.";
                case REPLAYED -> "The code has already been used.";
                case CONSENT_REVOKED -> "The consent behind the code has been revoked.";
            });
        }
        return ((Redemption.Granted) redemption).tokens();
    }
}
