package io.accountoauth.demo;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The app's registrations at each bank it talks to, one for each {@link Profile}: the first time, it discovers the
 * bank's endpoints (RFC 8414) and registers itself as a confidential client over HTTP (RFC 7591): with a client
 * secret, or for FAPI 2.0 with the public half of a key pair it makes for the purpose. It keeps the result, private
 * key included, in this node's memory; a new server start registers anew.
 *
 * <p>A bank is its address for the app's own calls ({@link BankAddress}: {@code demo.bank-url}, or this server on
 * the loopback interface), never anything a request says: a browser's {@code Host} header picks no registration
 * and makes none. The one registration names the callback on every loopback host (any port, RFC 8252 §7.3) and,
 * when the bank has a configured issuer of its own, the callback under it; a browser that reaches the demo
 * elsewhere is told where to open it.
 */
@ApplicationScoped
public class DemoRegistrations {

    static final String METADATA_PATH = "/.well-known/oauth-authorization-server";
    private static final List<String> LOOPBACK_HOSTS = List.of("127.0.0.1", "localhost", "[::1]");
    private static final int KEY_ID_BYTES = 9;

    @Inject
    BankHttp http;

    @Inject
    Recorder recorder;

    private final SecureRandom random = new SecureRandom();

    /**
     * Each bank's registrations by profile, or the registration under way; a failed one is removed, to be tried
     * again.
     */
    private final ConcurrentMap<Key, CompletableFuture<Registration>> registrations = new ConcurrentHashMap<>();

    private record Key(String bankUrl, Profile profile) {
    }

    /** What the app registered at one bank, whatever address the browser uses. */
    private record Registration(Profile profile, String bankUrl, String discoveredIssuer,
            BankSetup.Endpoints endpoints, String clientId, String clientSecret, ECKey clientKey,
            List<String> redirectUris, List<Step> steps) {

        /** The set-up as this browser sees the bank. */
        BankSetup at(Addresses addresses) {
            // Unless oauth.issuer is set, the bank takes its issuer from each request: asked at the app's own
            // address for it, it names that address, and the browser's requests get the browser's.
            String issuer = discoveredIssuer.equals(bankUrl) ? addresses.browserBase() : discoveredIssuer;
            BankSetup.Endpoints seen = new BankSetup.Endpoints(moved(endpoints.authorization(), discoveredIssuer,
                    issuer), endpoints.token(), endpoints.pushedRequests(), endpoints.introspection());
            return new BankSetup(profile, addresses, issuer, discoveredIssuer, seen, clientId, clientSecret,
                    clientKey, steps);
        }

        boolean serves(Addresses addresses) {
            String redirectUri = addresses.redirectUri();
            return redirectUris.stream().anyMatch(registered -> registered.equals(redirectUri)
                    || registered.equals(withoutLoopbackPort(redirectUri)));
        }
    }

    /**
     * The set-up for the bank this app talks to, registering there on first use; one registration at a time per
     * bank, and no lock held while the bank is called.
     *
     * @throws DemoFailure when the registration fails, or the browser reaches the demo at an address the
     *                     registration does not name
     */
    BankSetup setupFor(Addresses addresses, Profile profile) {
        Key key = new Key(addresses.bankUrl(), profile);
        while (true) {
            CompletableFuture<Registration> mine = new CompletableFuture<>();
            CompletableFuture<Registration> known = registrations.putIfAbsent(key, mine);
            if (known == null) {
                try {
                    mine.complete(register(addresses, profile));
                } catch (RuntimeException e) {
                    registrations.remove(key, mine);
                    mine.completeExceptionally(e);
                    throw e;
                }
                return servedAt(mine.join(), addresses);
            }
            try {
                return servedAt(known.join(), addresses);
            } catch (CompletionException e) {
                // Another request's registration failed; it has been removed: try once more, as this request
            }
        }
    }

    /** The set-up made under this profile for the bank this browser's request leads to, if any. */
    Optional<BankSetup> find(Addresses addresses, Profile profile) {
        CompletableFuture<Registration> known = registrations.get(new Key(addresses.bankUrl(), profile));
        if (known == null || !known.isDone() || known.isCompletedExceptionally()) {
            return Optional.empty();
        }
        Registration registration = known.join();
        return registration.serves(addresses) ? Optional.of(registration.at(addresses)) : Optional.empty();
    }

    private static BankSetup servedAt(Registration registration, Addresses addresses) {
        if (!registration.serves(addresses)) {
            throw new DemoFailure("The demo app is registered with the bank for the callbacks "
                    + String.join(", ", registration.redirectUris()) + " only. Open the demo at one of those hosts"
                    + " (on a loopback host any port will do), or set oauth.issuer to the address browsers use.");
        }
        return registration.at(addresses);
    }

    private Registration register(Addresses addresses, Profile profile) {
        List<Step> steps = new ArrayList<>();
        HttpCall discovery = http.get(addresses.bankUrl() + METADATA_PATH, Map.of("Accept", BankHttp.JSON));
        JsonObject metadata = discovery.json().filter(json -> discovery.status() == 200).orElse(null);
        steps.add(recorder.call(StepKind.DISCOVERY, "Discovery: the bank's metadata", discovery,
                Step.Checker.BANK, profile.isFapi() ? Checks.DISCOVERY_FAPI : Checks.DISCOVERY, metadata != null));
        if (metadata == null) {
            throw new SetupFailure("The bank's metadata could not be read (status " + discovery.status() + ").",
                    steps);
        }
        String discoveredIssuer = metadata.getString("issuer", "");
        String authorize = metadata.getString("authorization_endpoint", "");
        String token = moved(metadata.getString("token_endpoint", ""), discoveredIssuer, addresses.bankUrl());
        String registration = moved(metadata.getString("registration_endpoint", ""), discoveredIssuer,
                addresses.bankUrl());
        BankSetup.Endpoints endpoints = new BankSetup.Endpoints(authorize, token,
                moved(metadata.getString("pushed_authorization_request_endpoint", ""), discoveredIssuer,
                        addresses.bankUrl()),
                moved(metadata.getString("introspection_endpoint", ""), discoveredIssuer, addresses.bankUrl()));

        List<String> redirectUris = callbacks(addresses.bankUrl(), discoveredIssuer);
        var uris = Json.createArrayBuilder();
        redirectUris.forEach(uris::add);
        var body = Json.createObjectBuilder()
                .add("client_name", profile.clientName())
                .add("redirect_uris", uris);
        ECKey clientKey = null;
        if (profile.isFapi()) {
            clientKey = AppJose.newKey(Randoms.base64Url(random, KEY_ID_BYTES), random);
            body.add("token_endpoint_auth_method", "private_key_jwt")
                    .add("jwks", Json.createReader(new StringReader(new JWKSet(clientKey.toPublicJWK()).toString()))
                            .readObject())
                    .add("require_pushed_authorization_requests", true)
                    .add("dpop_bound_access_tokens", true);
        } else {
            body.add("token_endpoint_auth_method", "client_secret_basic");
        }
        HttpCall registered = http.postJson(registration, body.build().toString());
        Optional<String> clientId = registered.member("client_id");
        Optional<String> secret = registered.member("client_secret");
        boolean ok = registered.status() == 201 && clientId.isPresent() && (profile.isFapi() || secret.isPresent());
        steps.add(recorder.call(StepKind.REGISTRATION, "Registration: the app registers itself", registered,
                Step.Checker.BANK, !ok
                        ? Checks.registrationRefused(registered.member("error").orElse("status " + registered.status()))
                        : profile.isFapi() ? Checks.REGISTRATION_FAPI : Checks.REGISTRATION,
                ok));
        if (!ok) {
            throw new SetupFailure("The bank did not register the demo app (status " + registered.status() + ").",
                    steps);
        }
        return new Registration(profile, addresses.bankUrl(), discoveredIssuer, endpoints, clientId.get(),
                secret.orElse(null), clientKey, redirectUris, steps);
    }

    /**
     * The callbacks to register: on each loopback host without a port (so any port, RFC 8252 §7.3), under the bank's
     * context path; and under the bank's issuer when it is configured (then it differs from the address the app
     * asked at) and may be registered (https).
     */
    static List<String> callbacks(String bankUrl, String discoveredIssuer) {
        String contextPath = URI.create(bankUrl).getRawPath();
        List<String> callbacks = new ArrayList<>();
        if (!discoveredIssuer.equals(bankUrl) && discoveredIssuer.startsWith("https://")) {
            callbacks.add(discoveredIssuer + Addresses.CALLBACK_PATH);
        }
        for (String host : LOOPBACK_HOSTS) {
            callbacks.add("http://" + host + contextPath + Addresses.CALLBACK_PATH);
        }
        return List.copyOf(callbacks);
    }

    /** An http URI on a loopback host, written without its port; any other URI as it is. */
    static String withoutLoopbackPort(String uri) {
        for (String host : LOOPBACK_HOSTS) {
            String prefix = "http://" + host + ":";
            if (uri.startsWith(prefix)) {
                int pathStart = uri.indexOf('/', prefix.length());
                String port = pathStart < 0 ? uri.substring(prefix.length()) : uri.substring(prefix.length(), pathStart);
                if (!port.isEmpty() && port.chars().allMatch(Character::isDigit)) {
                    return "http://" + host + (pathStart < 0 ? "" : uri.substring(pathStart));
                }
            }
        }
        return uri;
    }

    /** An endpoint published under the issuer, moved to the same place under another base; others as they are. */
    private static String moved(String endpoint, String issuer, String base) {
        if (!issuer.isEmpty() && endpoint.startsWith(issuer + "/")) {
            return base + endpoint.substring(issuer.length());
        }
        return endpoint;
    }

    /** The set-up failed: the steps show how far it came. */
    static final class SetupFailure extends DemoFailure {

        private static final long serialVersionUID = 1L;

        private final transient List<Step> steps;

        SetupFailure(String message, List<Step> steps) {
            super(message);
            this.steps = List.copyOf(steps);
        }

        List<Step> steps() {
            return steps;
        }
    }
}
