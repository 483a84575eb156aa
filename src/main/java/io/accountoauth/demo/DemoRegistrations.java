package io.accountoauth.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The app's set-up at each bank address it is used at: the first time, it discovers the bank's endpoints
 * (RFC 8414) and registers itself as a confidential client over HTTP (RFC 7591), then keeps the result in
 * memory. A new server start registers anew.
 */
@ApplicationScoped
public class DemoRegistrations {

    static final String CLIENT_NAME = "My Money Managing App (demo)";
    static final String METADATA_PATH = "/.well-known/oauth-authorization-server";
    /** Each Host a browser uses is an address of its own; a few are plenty. */
    static final int MAX_ADDRESSES = 16;

    @Inject
    BankHttp http;

    @Inject
    Recorder recorder;

    private final Map<String, BankSetup> setups = new HashMap<>();

    /** The set-up for the bank as this browser reaches it, made on first use. */
    synchronized BankSetup setupFor(Addresses addresses) {
        BankSetup known = setups.get(addresses.browserBase());
        if (known != null) {
            return known;
        }
        if (setups.size() >= MAX_ADDRESSES) {
            throw new DemoFailure("The demo app is set up at " + MAX_ADDRESSES + " addresses already; open it at "
                    + "one of those.");
        }
        BankSetup setup = register(addresses);
        setups.put(addresses.browserBase(), setup);
        return setup;
    }

    /** The set-up made for this address, if any. */
    synchronized Optional<BankSetup> find(String browserBase) {
        return Optional.ofNullable(setups.get(browserBase));
    }

    private BankSetup register(Addresses addresses) {
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
        // Unless oauth.issuer is set, the bank takes its issuer from each request: asked at the app's own
        // address for it, it names that address, and the browser's requests get the browser's.
        String issuer = discoveredIssuer.equals(addresses.bankUrl()) ? addresses.browserBase() : discoveredIssuer;
        String authorize = moved(metadata.getString("authorization_endpoint", ""), discoveredIssuer, issuer);
        String token = moved(metadata.getString("token_endpoint", ""), discoveredIssuer, addresses.bankUrl());
        String registration = moved(metadata.getString("registration_endpoint", ""), discoveredIssuer,
                addresses.bankUrl());

        String body = Json.createObjectBuilder()
                .add("client_name", CLIENT_NAME)
                .add("redirect_uris", Json.createArrayBuilder().add(addresses.redirectUri()))
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
        return new BankSetup(addresses, issuer, authorize, token, clientId.get(), secret.get(), steps);
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
