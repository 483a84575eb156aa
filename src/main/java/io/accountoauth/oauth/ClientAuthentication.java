package io.accountoauth.oauth;

import io.accountoauth.client.Client;
import io.accountoauth.client.ClientAssertions;
import io.accountoauth.client.ClientAuthenticator;
import io.accountoauth.client.ClientRepository;
import io.accountoauth.platform.Issuer;
import io.accountoauth.platform.Jose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response.Status;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Authenticates the client of a token, introspection or revocation request by exactly one method:
 * {@code client_secret_basic} (RFC 6749 §2.3.1, the Authorization header), {@code client_secret_post}
 * (client_id and client_secret in the form), {@code private_key_jwt} (a client_assertion, RFC 7523 §2.2,
 * {@link ClientAssertions}), or, for a public client, {@code none} (client_id alone).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1">RFC 6749 §2.3.1</a>
 */
@ApplicationScoped
public class ClientAuthentication {

    static final String BASIC_CHALLENGE = "Basic realm=\"account\", charset=\"UTF-8\"";

    @Inject
    ClientAuthenticator authenticator;

    @Inject
    ClientRepository clients;

    @Inject
    Issuer issuer;

    @Inject
    HttpServletRequest request;

    /**
     * @param authorizationHeaders the request's Authorization header values
     * @param allowPublic          whether a public client may identify itself by client_id alone
     */
    public Client authenticate(List<String> authorizationHeaders, RequestParameters form, boolean allowPublic) {
        String formId = form.optional("client_id");
        String formSecret = form.optional("client_secret");
        String basic = basicCredentials(authorizationHeaders);
        String assertionType = form.optional("client_assertion_type");
        String assertion = form.optional("client_assertion");
        if (assertionType != null || assertion != null) {
            if (basic != null || formSecret != null) {
                throw OAuthException.invalidRequest("Use one client authentication method: a client_assertion, "
                        + "Basic or client_secret, not several.");
            }
            if (!ClientAssertions.JWT_BEARER.equals(assertionType)) {
                throw OAuthException.invalidClient("client_assertion_type must be " + ClientAssertions.JWT_BEARER + ".");
            }
            if (assertion == null) {
                throw OAuthException.invalidRequest("The client_assertion is missing.");
            }
            try {
                return authenticator.authenticateAssertion(assertion, formId, issuer.of(request));
            } catch (Jose.Refused e) {
                throw OAuthException.invalidClient(e.getMessage());
            }
        }
        if (basic != null) {
            if (formSecret != null) {
                throw OAuthException.invalidRequest("Use one client authentication method: Basic or client_secret, not both.");
            }
            return authenticateBasic(basic, formId);
        }
        if (formId == null) {
            throw OAuthException.invalidClient("Client authentication is missing: use HTTP Basic, "
                    + "or send client_id and client_secret.");
        }
        if (formSecret != null) {
            return authenticator.authenticate(formId, formSecret)
                    .orElseThrow(() -> OAuthException.invalidClient("Client authentication failed."));
        }
        Client client = clients.find(formId).filter(Client::isPublic)
                .orElseThrow(() -> OAuthException.invalidClient("Client authentication failed: this client "
                        + "must authenticate with its secret."));
        if (!allowPublic) {
            throw OAuthException.invalidClient("A public client cannot use this endpoint.");
        }
        return client;
    }

    private Client authenticateBasic(String credentials, String formId) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw basicFailure("The Basic credentials are not valid base64.");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw basicFailure("The Basic credentials must be client_id:client_secret.");
        }
        String clientId;
        String secret;
        try {
            clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw basicFailure("The Basic credentials are not form-encoded as RFC 6749 §2.3.1 asks.");
        }
        if (formId != null && !formId.equals(clientId)) {
            throw OAuthException.invalidRequest("The client_id in the form differs from the Basic credentials'.");
        }
        return authenticator.authenticate(clientId, secret)
                .orElseThrow(() -> basicFailure("Client authentication failed."));
    }

    /** The credentials of a Basic Authorization header, or null when the request has none. */
    private static String basicCredentials(List<String> headers) {
        if (headers == null || headers.isEmpty()) {
            return null;
        }
        if (headers.size() > 1) {
            throw OAuthException.invalidRequest("Send one Authorization header.");
        }
        String header = headers.get(0).strip();
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals("basic")) {
            return null;
        }
        return header.substring(space + 1).strip();
    }

    /** RFC 6749 §5.2: a failed Basic attempt is answered with 401 and the Basic challenge. */
    private static OAuthException basicFailure(String description) {
        return new OAuthException(Status.UNAUTHORIZED, "invalid_client", description)
                .withHeader("WWW-Authenticate", BASIC_CHALLENGE);
    }
}
