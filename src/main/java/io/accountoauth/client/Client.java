package io.accountoauth.client;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A client app registered with the bank. */
@Entity
@Cacheable
@Table(name = "oauth_client")
public class Client {

    @Id
    @Column(name = "client_id", length = 64)
    private String clientId;

    @Column(nullable = false)
    private String name;

    /** SHA-256 of the secret, base64url; the secret itself is never stored. */
    @Column(name = "secret_digest", length = 64)
    private String secretDigest;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "oauth_client_redirect_uri", joinColumns = @JoinColumn(name = "client_id"))
    @Column(name = "redirect_uri", length = 2048, nullable = false)
    private List<String> redirectUris = new ArrayList<>();

    /** How the client authenticates at the token endpoint: {@code none} for a public client, which has no secret. */
    @Column(name = "token_endpoint_auth_method", length = 32, nullable = false)
    private String tokenEndpointAuthMethod;

    /**
     * What the app asked to be held to beyond the defaults, such as {@link #PUSHED_REQUESTS}. A table of its own, so
     * that a database made before these existed gains it at the next start.
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "oauth_client_requirement", joinColumns = @JoinColumn(name = "client_id"))
    @Column(name = "requirement", length = 64, nullable = false)
    private Set<String> requirements = new HashSet<>();

    /**
     * The public keys a {@code private_key_jwt} client signs its assertions with, each a JWK (RFC 7517) as JSON. A
     * table of its own, like the requirements.
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "oauth_client_jwk", joinColumns = @JoinColumn(name = "client_id"))
    @Column(name = "jwk", length = 4096, nullable = false)
    private List<String> keys = new ArrayList<>();

    /** RFC 9449 §5.2: every access token of the app is bound to a DPoP key. */
    public static final String DPOP_BOUND = "dpop_bound_access_tokens";

    /** RFC 9126 §6: every authorization request of the app must be pushed. */
    public static final String PUSHED_REQUESTS = "require_pushed_authorization_requests";

    /** The sandbox's own app may redirect to any path on a loopback host, so developers can use it locally. */
    @Column(name = "loopback_any_path", nullable = false)
    private boolean loopbackAnyPath;

    protected Client() {
        // for JPA
    }

    public Client(String clientId, String name, String secretDigest, List<String> redirectUris,
            boolean loopbackAnyPath) {
        this(clientId, name, secretDigest, AuthMethod.CLIENT_SECRET_BASIC, redirectUris, loopbackAnyPath);
    }

    public Client(String clientId, String name, String secretDigest, AuthMethod authMethod,
            List<String> redirectUris, boolean loopbackAnyPath) {
        this.clientId = clientId;
        this.name = name;
        this.secretDigest = authMethod == AuthMethod.NONE || authMethod == AuthMethod.PRIVATE_KEY_JWT ? null
                : secretDigest;
        this.tokenEndpointAuthMethod = authMethod.metadataName();
        this.redirectUris = new ArrayList<>(redirectUris);
        this.loopbackAnyPath = loopbackAnyPath;
    }

    public String clientId() {
        return clientId;
    }

    public String name() {
        return name;
    }

    String secretDigest() {
        return secretDigest;
    }

    public AuthMethod authMethod() {
        return AuthMethod.fromMetadataName(tokenEndpointAuthMethod).orElse(AuthMethod.CLIENT_SECRET_BASIC);
    }

    /** A public client (a browser or mobile app) cannot keep a secret and must prove itself with PKCE. */
    public boolean isPublic() {
        return authMethod() == AuthMethod.NONE;
    }

    public List<String> redirectUris() {
        return List.copyOf(redirectUris);
    }

    public boolean loopbackAnyPath() {
        return loopbackAnyPath;
    }

    /** The client's public signing keys, each a JWK as JSON; none unless it uses private_key_jwt. */
    public List<String> keys() {
        return List.copyOf(keys);
    }

    /** The client's public signing keys, as registered. */
    public Client withKeys(List<String> jwks) {
        keys = new ArrayList<>(jwks);
        return this;
    }

    /** Whether the app's authorization requests must come by {@code request_uri} (RFC 9126 §6). */
    public boolean requiresPushedRequests() {
        return requirements.contains(PUSHED_REQUESTS);
    }

    /** Whether the app's access tokens must be DPoP-bound (RFC 9449 §5.2). */
    public boolean requiresDPoP() {
        return requirements.contains(DPOP_BOUND);
    }

    /**
     * Whether the app asked for the FAPI 2.0 Security Profile: pushed requests only, DPoP-bound access tokens and
     * private_key_jwt. Such an app must also use PKCE, and its refresh tokens are not rotated: the sender
     * constraint replaces rotation (FAPI 2.0 §5.3.2.1).
     */
    public boolean isFapi() {
        return requiresPushedRequests() && requiresDPoP() && authMethod() == AuthMethod.PRIVATE_KEY_JWT;
    }

    /** Holds the app to a requirement from now on. */
    public Client require(String requirement) {
        requirements.add(requirement);
        return this;
    }
}
