package io.accountoauth.client;

import io.accountoauth.platform.RandomValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Registers sandbox users' own apps: checks their metadata, gives them a random client_id and, for a
 * confidential client, a random secret that is stored only as a digest.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-3">RFC 7591 §3</a>
 */
@ApplicationScoped
public class ClientRegistration {

    static final int MAX_REDIRECT_URIS = 10;
    static final int MAX_NAME_LENGTH = 100;
    static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token");
    static final List<String> RESPONSE_TYPES = List.of("code");

    @Inject
    ClientRepository clients;


    @Inject
    Clock clock;

    /** @throws RegistrationException when the metadata cannot be registered as it is */
    public RegisteredClient register(ClientMetadata metadata) {
        List<String> redirectUris = redirectUris(metadata.redirectUris());
        AuthMethod authMethod = authMethod(metadata.tokenEndpointAuthMethod());
        checkGrantAndResponseTypes(metadata);
        String name = name(metadata.clientName(), redirectUris.get(0));
        String clientId = RandomValues.next();
        List<String> keys = ClientKeys.registered(authMethod, metadata.jwks());
        boolean hasSecret = authMethod != AuthMethod.NONE && authMethod != AuthMethod.PRIVATE_KEY_JWT;
        String secret = hasSecret ? RandomValues.next() : null;
        Client client = new Client(clientId, name, secret == null ? null : ClientSecrets.digest(secret), authMethod,
                redirectUris, false).withKeys(keys);
        if (Boolean.TRUE.equals(metadata.requirePushedRequests())) {
            client.require(Client.PUSHED_REQUESTS);
        }
        if (Boolean.TRUE.equals(metadata.dpopBoundAccessTokens())) {
            client.require(Client.DPOP_BOUND);
        }
        clients.add(client);
        return new RegisteredClient(client, secret, clock.instant());
    }

    private static List<String> redirectUris(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new RegistrationException("invalid_redirect_uri", "redirect_uris must list at least one URI.");
        }
        if (requested.size() > MAX_REDIRECT_URIS) {
            throw new RegistrationException("invalid_redirect_uri",
                    "At most " + MAX_REDIRECT_URIS + " redirect_uris may be registered.");
        }
        List<String> accepted = new ArrayList<>();
        for (String uri : requested) {
            RedirectUriRules.registrationProblem(uri).ifPresent(problem -> {
                throw new RegistrationException("invalid_redirect_uri", problem);
            });
            if (!accepted.contains(uri)) {
                accepted.add(uri);
            }
        }
        return accepted;
    }

    private static AuthMethod authMethod(String requested) {
        if (requested == null) {
            return AuthMethod.CLIENT_SECRET_BASIC;
        }
        return AuthMethod.fromMetadataName(requested).orElseThrow(() -> RegistrationException.invalidMetadata(
                "token_endpoint_auth_method must be client_secret_basic, client_secret_post, private_key_jwt or "
                        + "none."));
    }

    private static void checkGrantAndResponseTypes(ClientMetadata metadata) {
        if (metadata.grantTypes() != null && !GRANT_TYPES.containsAll(metadata.grantTypes())) {
            throw RegistrationException.invalidMetadata(
                    "grant_types may contain authorization_code and refresh_token only.");
        }
        if (metadata.grantTypes() != null && !metadata.grantTypes().contains("authorization_code")) {
            throw RegistrationException.invalidMetadata("grant_types must include authorization_code.");
        }
        if (metadata.responseTypes() != null && !RESPONSE_TYPES.equals(metadata.responseTypes())) {
            throw RegistrationException.invalidMetadata("response_types may only be [\"code\"].");
        }
    }

    /**
     * The name the customer sees on the consent page: as given, or the app's redirect host. A name is text only:
     * no control characters, no invisible formatting (bidirectional overrides and isolates such as U+202E, which
     * would make the page show the name's text in another order, zero-width characters), no line or paragraph
     * separators, no unpaired surrogates.
     */
    private static String name(String requested, String firstRedirectUri) {
        if (requested == null || requested.isBlank()) {
            return URI.create(firstRedirectUri).getHost();
        }
        requested.codePoints().filter(ClientRegistration::isNotText).findFirst().ifPresent(c -> {
            throw RegistrationException.invalidMetadata(String.format("client_name must be plain text: U+%04X is a "
                    + "control, formatting (such as a bidirectional or zero-width) or separator character, or an "
                    + "unpaired surrogate.", c));
        });
        String name = requested.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw RegistrationException.invalidMetadata("client_name is longer than " + MAX_NAME_LENGTH + " characters.");
        }
        return name;
    }

    /** Unicode categories Cc, Cf, Zl, Zp, and a surrogate that is not half of a pair (Cs). */
    static boolean isNotText(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> true;
            default -> false;
        };
    }
}
