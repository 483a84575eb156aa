package io.accountoauth.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The app's registration at each bank it talks to: the first time, it discovers the bank's endpoints (RFC 8414)
 * and registers itself as a confidential client over HTTP (RFC 7591), then keeps the result in this node's memory.
 * A new server start registers anew.
 *
 * <p>A bank is its address for the app's own calls ({@link BankAddress}: {@code demo.bank-url}, or this server on
 * the loopback interface), never anything a request says: a browser's {@code Host} header picks no registration
 * and makes none. The one registration names the callback on every loopback host (any port, RFC 8252 §7.3) and,
 * when the bank has a configured issuer of its own, the callback under it; a browser that reaches the demo
 * elsewhere is told where to open it.
 */
@ApplicationScoped
public class DemoRegistrations {

    static final String CLIENT_NAME = "My Money Managing App (demo)";
    static final String METADATA_PATH = "/.well-known/oauth-authorization-server";
    private static final List<String> LOOPBACK_HOSTS = List.of("127.0.0.1", "localhost", "[::1]");

    @Inject
    BankHttp http;

    @Inject
    Recorder recorder;

    /** Each bank's registration, or the registration under way; a failed one is removed, to be tried again. */
    private final ConcurrentMap<String, CompletableFuture<Registration>> registrations = new ConcurrentHashMap<>();

    /** What the app registered at one bank, whatever address the browser uses. */
    private record Registration(String bankUrl, String discoveredIssuer, String authorizationEndpoint,
            String tokenEndpoint, String clientId, String clientSecret, List<String> redirectUris, List<Step> steps) {

        /** The set-up as this browser sees the bank. */
        BankSetup at(Addresses addresses) {
            // Unless oauth.issuer is set, the bank takes its issuer from each request: asked at the app's own
            // address for it, it names that address, and the browser's requests get the browser's.
            String issuer = discoveredIssuer.equals(bankUrl) ? addresses.browserBase() : discoveredIssuer;
            return new BankSetup(addresses, issuer, moved(authorizationEndpoint, discoveredIssuer, issuer),
                    tokenEndpoint, clientId, clientSecret, steps);
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
    BankSetup setupFor(Addresses addresses) {
        while (true) {
            CompletableFuture<Registration> mine = new CompletableFuture<>();
            CompletableFuture<Registration> known = registrations.putIfAbsent(addresses.bankUrl(), mine);
            if (known == null) {
                try {
                    mine.complete(register(addresses));
                } catch (RuntimeException e) {
                    registrations.remove(addresses.bankUrl(), mine);
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

    /** The set-up made for the bank this browser's request leads to, if any. */
    Optional<BankSetup> find(Addresses addresses) {
        CompletableFuture<Registration> known = registrations.get(addresses.bankUrl());
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

    private Registration register(Addresses addresses) {
        List<Step> steps = new ArrayList<>();
        HttpCall discovery = http.get(addresses.bankUrl() + METADATA_PATH, Map.of("Accept", BankHttp.JSON));
        JsonObject metadata = discovery.json().filter(json -> discovery.status() == 200).orElse(null);
        steps.add(recorder.call(StepKind.DISCOVERY, "Discovery: the bank's metadata", discovery,
                Step.Checker.BANK, Checks.DISCOVERY, metadata != null));
        if (metadata == null) {
            throw new SetupFailure("The bank's metadata could not be read (status " + discovery.status() + ").",
                    steps);
        }
        String discoveredIssuer = metadata.getString("issuer", "");
        String authorize = metadata.getString("authorization_endpoint", "");
        String token = moved(metadata.getString("token_endpoint", ""), discoveredIssuer, addresses.bankUrl());
        String registration = moved(metadata.getString("registration_endpoint", ""), discoveredIssuer,
                addresses.bankUrl());

        List<String> redirectUris = callbacks(addresses.bankUrl(), discoveredIssuer);
        var uris = Json.createArrayBuilder();
        redirectUris.forEach(uris::add);
        String body = Json.createObjectBuilder()
                .add("client_name", CLIENT_NAME)
                .add("redirect_uris", uris)
                .add("token_endpoint_auth_method", "client_secret_basic")
                .build().toString();
        HttpCall registered = http.postJson(registration, body);
        Optional<String> clientId = registered.member("client_id");
        Optional<String> secret = registered.member("client_secret");
        boolean ok = registered.status() == 201 && clientId.isPresent() && secret.isPresent();
        steps.add(recorder.call(StepKind.REGISTRATION, "Registration: the app registers itself", registered,
                Step.Checker.BANK, ok ? Checks.REGISTRATION
                        : Checks.registrationRefused(registered.member("error").orElse("status " + registered.status())),
                ok));
        if (!ok) {
            throw new SetupFailure("The bank did not register the demo app (status " + registered.status() + ").",
                    steps);
        }
        return new Registration(addresses.bankUrl(), discoveredIssuer, authorize, token, clientId.get(),
                secret.get(), redirectUris, steps);
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
