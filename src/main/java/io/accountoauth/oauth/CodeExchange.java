package io.accountoauth.oauth;

import io.accountoauth.client.Client;
import io.accountoauth.token.AuthorizationCode;
import io.accountoauth.token.IssuedTokens;
import io.accountoauth.token.Redemption;
import io.accountoauth.token.TokenRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The authorization-code grant once the client is authenticated: redeem the code against its PKCE proof and
 * mint the tokens, in one step. The code is used up by the first attempt, whatever its outcome, so a verifier
 * cannot be guessed.
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
        Redemption redemption = registry.redeem(code, client.clientId(), redirectUri,
                issued -> proofFailure(issued, codeVerifier, client), withRefreshToken);
        if (redemption instanceof Redemption.Refused refused) {
            throw OAuthException.invalidGrant(refused.reason());
        }
        return ((Redemption.Granted) redemption).tokens();
    }

    /** Why the client's PKCE proof fails, or null when it holds. */
    private static String proofFailure(AuthorizationCode code, String verifier, Client client) {
        if (code.codeChallenge() == null) {
            if (verifier != null) {
                return "A code_verifier was sent for a code issued without a code_challenge.";
            }
            return client.isPublic() ? "A public client's code must be bound to a PKCE challenge." : null;
        }
        if (verifier == null) {
            return "The code_verifier is missing; the code was issued with a code_challenge.";
        }
        return Pkce.verifies(verifier, code.codeChallenge()) ? null
                : "The code_verifier does not match the code_challenge.";
    }
}
