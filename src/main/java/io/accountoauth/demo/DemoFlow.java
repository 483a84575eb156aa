package io.accountoauth.demo;

import com.nimbusds.jose.jwk.ECKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The demo app's side of the authorization-code flow, step by step: the authorization request, the
 * callback and its checks, the code exchange, the API calls and the refresh. Each step is recorded in the
 * browser's {@link DemoSession}.
 *
 * <p>Under {@link Profile#FAPI2} the app authenticates with client assertions signed by its registered key, pushes
 * the authorization request before sending the browser with a reference to it, makes a DPoP key pair for the flow
 * and proves possession of it at the token endpoint (with the bank's nonce) and at each API call, and introspects
 * its access token to see the key it is bound to.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1">RFC 6749 §4.1</a>
 * @see <a href="https://openid.net/specs/fapi-security-profile-2_0-final.html">FAPI 2.0 Security Profile</a>
 */
@ApplicationScoped
public class DemoFlow {

    static final String SCOPE = "read";
    private static final String DPOP_NONCE = "DPoP-Nonce";
    private static final String USE_DPOP_NONCE = "use_dpop_nonce";
    private static final int STATE_BYTES = 16; // 128 bits
    private static final long DEFAULT_EXPIRES_IN = 60;

    @Inject
    DemoSession session;

    @Inject
    DemoRegistrations registrations;

    @Inject
    BankHttp http;

    @Inject
    Recorder recorder;

    @Inject
    Clock clock;

    private final SecureRandom random = new SecureRandom();

    /**
     * Starts a new flow: forgets the last one, sets the app up at this address if need be, and returns the
     * authorization request to send the browser to.
     *
     * @throws DemoFailure when the app cannot set itself up; the page says why
     */
    String start(Addresses addresses, Profile profile) {
        session.reset();
        session.profile(profile);
        BankSetup setup;
        try {
            setup = registrations.setupFor(addresses, profile);
        } catch (DemoRegistrations.SetupFailure e) {
            e.steps().forEach(session::add);
            throw e;
        }
        String state = Randoms.base64Url(random, STATE_BYTES);
        ProofKey proofKey = ProofKey.generate(random);
        if (profile.isFapi()) {
            return push(setup, state, proofKey);
        }
        session.awaitAuthorization(setup, state, proofKey);

        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", setup.clientId());
        query.put("redirect_uri", addresses.redirectUri());
        query.put("scope", SCOPE);
        query.put("state", state);
        query.put("code_challenge", proofKey.challenge());
        query.put("code_challenge_method", ProofKey.METHOD);
        String encoded = FormEncoding.encode(query);
        String url = setup.authorizationEndpoint() + "?" + encoded;
        session.add(recorder.event(StepKind.AUTHORIZE, "Authorization request",
                "The app answered your click with 303 See Other to this address, so your browser made the "
                        + "request; the bank's answer, its log-in page, went to you and not to the app.",
                new ShownRequest("GET", Masking.url(url), FormEncoding.shown(encoded), List.of(), null), null,
                Step.Checker.BANK, Checks.AUTHORIZE, true));
        return url;
    }

    /**
     * FAPI 2.0's authorization request (RFC 9126): the parameters go to the bank from the app, authenticated, with
     * the thumbprint of this flow's DPoP key ({@code dpop_jkt}) to bind the code to; the browser carries only the
     * reference the bank answers with.
     */
    private String push(BankSetup setup, String state, ProofKey proofKey) {
        ECKey dpopKey = AppJose.newKey(null, random);
        session.dpopKey(dpopKey);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("response_type", "code");
        form.put("redirect_uri", setup.addresses().redirectUri());
        form.put("scope", SCOPE);
        form.put("state", state);
        form.put("code_challenge", proofKey.challenge());
        form.put("code_challenge_method", ProofKey.METHOD);
        form.put("dpop_jkt", AppJose.thumbprint(dpopKey));
        HttpCall pushed = http.postForm(setup.pushedRequestsEndpoint(), authenticated(setup, form),
                Map.of("Accept", BankHttp.JSON));
        boolean ok = pushed.status() == 201 && pushed.member("request_uri").isPresent();
        session.add(recorder.call(StepKind.PAR, "Pushed authorization request: POST /account/par", pushed,
                Step.Checker.BANK, ok ? Checks.PAR : Checks.PAR_REFUSED + refusal(pushed), ok));
        if (!ok) {
            throw new DemoFailure("The bank did not take the pushed authorization request. Start over to try again.");
        }
        session.awaitAuthorization(setup, state, proofKey);

        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", setup.clientId());
        query.put("request_uri", pushed.member("request_uri").get());
        String encoded = FormEncoding.encode(query);
        String url = setup.authorizationEndpoint() + "?" + encoded;
        session.add(recorder.event(StepKind.AUTHORIZE, "Authorization request, by reference",
                "The app answered your click with 303 See Other to this address, so your browser made the request. "
                        + "It carries no parameter but the client_id and the request_uri: what the app asks for was "
                        + "pushed to the bank directly, out of the browser's reach.",
                new ShownRequest("GET", Masking.url(url), FormEncoding.shown(encoded), List.of(), null), null,
                Step.Checker.BANK, Checks.AUTHORIZE_FAPI, true));
        return url;
    }

    /**
     * The bank's answer, brought by the browser to the redirect URI: checks it, then exchanges the code and
     * reads the account.
     *
     * @see <a href="https://www.rfc-editor.org/rfc/rfc9207#section-2.4">RFC 9207 §2.4</a>
     */
    void callback(Addresses addresses, String rawQuery) {
        Map<String, String> answer = FormEncoding.decode(rawQuery);
        String callbackUrl = addresses.redirectUri() + (rawQuery == null ? "" : "?" + rawQuery);
        ShownRequest request = new ShownRequest("GET", Masking.url(callbackUrl), FormEncoding.shown(rawQuery),
                List.of(), null);
        ShownResponse response = new ShownResponse(303, "See Other",
                List.of(new Field("Location", addresses.home())), null);
        String expectedState = session.state();
        ProofKey proofKey = session.proofKey();
        BankSetup setup = session.setup();
        session.authorizationAnswered();
        if (expectedState == null || setup == null) {
            session.add(callbackStep(request, response, Checks.CALLBACK_UNEXPECTED, false));
            session.message("This answer from the bank was not expected here. Connect to start a new flow.");
            return;
        }
        if (!same(expectedState, answer.get("state"))) {
            session.add(callbackStep(request, response, Checks.CALLBACK_STATE, false));
            session.message("The answer's state does not match: the app stopped. Start over to try again.");
            return;
        }
        if (!setup.issuer().equals(answer.get("iss"))) {
            session.add(callbackStep(request, response, Checks.CALLBACK_ISS, false));
            session.message("The answer's iss is not the bank's issuer: the app stopped. Start over to try again.");
            return;
        }
        String error = answer.get("error");
        if (error != null) {
            session.add(recorder.event(StepKind.LOGIN, "At the bank: you decided", "You logged in at the bank "
                    + "and did not allow the app to read your account.", null, null, Step.Checker.BANK,
                    Checks.DENIED, false));
            session.add(callbackStep(request, response, Checks.CALLBACK, true));
            session.message("The bank answered " + error + (answer.containsKey("error_description")
                    ? " (" + answer.get("error_description") + ")" : "") + ": the app gets no access. "
                    + "Start over to try again.");
            return;
        }
        String code = answer.get("code");
        if (code == null) {
            session.add(callbackStep(request, response, Checks.CALLBACK_NO_CODE, false));
            session.message("The bank's answer has no code. Start over to try again.");
            return;
        }
        session.add(recorder.event(StepKind.LOGIN, "At the bank: you log in and allow", "Out of the app's "
                + "sight, you logged in at the bank and allowed the app to read your account; the bank sent your "
                + "browser back to the app's redirect URI with a code.", null, null, Step.Checker.BANK,
                Checks.LOGIN, true));
        session.add(callbackStep(request, response, Checks.CALLBACK, true));
        if (exchange(setup, code, proofKey)) {
            callApi();
        }
    }

    /** Calls the account API with the access token the app holds: the balance, then the details. */
    void callApi() {
        BankSetup setup = session.setup();
        String token = session.accessToken();
        if (setup == null || token == null) {
            session.message("The app holds no access token. Connect your bank account first.");
            return;
        }
        session.message(null);
        HttpCall balance = apiCall(setup, StepKind.BALANCE, "/account/balance", token);
        session.add(apiStep(setup, StepKind.BALANCE, "/account/balance", balance));
        balance.member("account_balance").filter(b -> balance.status() == 200).ifPresent(session::balance);
        HttpCall info = apiCall(setup, StepKind.INFO, "/account/info", token);
        session.add(apiStep(setup, StepKind.INFO, "/account/info", info));
        if (info.status() == 200) {
            session.owner(info.member("account_owner").orElse(null), info.member("fullname").orElse(null));
        }
        if (balance.status() == 401 || info.status() == 401) {
            session.message("The access token no longer works (401). Refresh to get a new one.");
        }
    }

    /** Trades the refresh token for new tokens, then reads the account with the new access token. */
    void refresh() {
        BankSetup setup = session.setup();
        String refreshToken = session.refreshToken();
        if (setup == null || refreshToken == null) {
            session.message("The app holds no refresh token. Start over to connect again.");
            return;
        }
        session.message(null);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        String title = "Refresh: POST /account/token (refresh_token)";
        Instant sent = clock.instant();
        HttpCall call = tokenRequest(setup, form, StepKind.REFRESH, title);
        boolean ok = keepTokens(setup, call, sent);
        session.add(recorder.call(StepKind.REFRESH, title, call, Step.Checker.BANK,
                ok ? setup.isFapi() ? Checks.REFRESH_FAPI : Checks.REFRESH : Checks.REFRESH_REFUSED + refusal(call),
                ok));
        if (!ok) {
            session.forgetRefreshToken();
            session.message("The bank did not refresh the tokens. Start over to connect again.");
            return;
        }
        callApi();
    }

    void startOver() {
        session.reset();
    }

    private boolean exchange(BankSetup setup, String code, ProofKey proofKey) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", setup.addresses().redirectUri());
        form.put("code_verifier", proofKey.verifier());
        String title = "Token request: POST /account/token (authorization_code)";
        Instant sent = clock.instant();
        HttpCall call = tokenRequest(setup, form, StepKind.TOKEN, title);
        boolean ok = keepTokens(setup, call, sent);
        String check = setup.isFapi() ? ok ? Checks.TOKEN_FAPI : Checks.TOKEN_FAPI_REFUSED + refusal(call)
                : ok ? Checks.TOKEN : Checks.TOKEN_REFUSED + refusal(call);
        session.add(recorder.call(StepKind.TOKEN, title, call, Step.Checker.BANK, check, ok));
        if (!ok) {
            session.message("The bank did not exchange the code. Start over to try again.");
            return false;
        }
        return !setup.isFapi() || introspect(setup);
    }

    /**
     * A token request as the app's profile makes it. Under FAPI 2.0: with a client assertion and a DPoP proof, and
     * when the bank answers use_dpop_nonce (RFC 9449 §8), once more with the nonce it gave.
     */
    private HttpCall tokenRequest(BankSetup setup, Map<String, String> form, StepKind kind, String title) {
        if (!setup.isFapi()) {
            return http.postForm(setup.tokenEndpoint(), form, tokenHeaders(setup));
        }
        return withNonce(() -> provenTokenRequest(setup, form),
                call -> call.status() == 400 && call.member("error").filter(USE_DPOP_NONCE::equals).isPresent(),
                kind, title + ": the bank asks for its nonce", Checks.TOKEN_NONCE);
    }

    /**
     * A DPoP request, made again once with a new proof when the answer asks for the server's nonce and gives it
     * (RFC 9449 §8, §9); that first answer is recorded as a step of its own.
     */
    private HttpCall withNonce(Supplier<HttpCall> send, Predicate<HttpCall> asksForNonce, StepKind kind,
            String title, String check) {
        HttpCall call = send.get();
        if (asksForNonce.test(call) && call.responseHeader(DPOP_NONCE).isPresent()) {
            session.add(recorder.call(kind, title, call, Step.Checker.BANK, check, true));
            call = send.get();
        }
        return call;
    }

    private HttpCall provenTokenRequest(BankSetup setup, Map<String, String> form) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("DPoP", AppJose.dpopProof(session.dpopKey(), "POST", setup.published(setup.tokenEndpoint()),
                null, session.dpopNonce(), clock.instant(), random));
        headers.put("Accept", BankHttp.JSON);
        HttpCall call = http.postForm(setup.tokenEndpoint(), authenticated(setup, form), headers);
        call.responseHeader(DPOP_NONCE).ifPresent(session::dpopNonce);
        return call;
    }

    /**
     * RFC 7662: what the bank says the new access token is bound to ({@code cnf.jkt}), which the app compares with
     * its own DPoP key's thumbprint.
     */
    private boolean introspect(BankSetup setup) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", session.accessToken());
        form.put("token_type_hint", "access_token");
        HttpCall call = http.postForm(setup.introspectionEndpoint(), authenticated(setup, form),
                Map.of("Accept", BankHttp.JSON));
        JsonObject json = call.json().filter(j -> call.status() == 200).orElse(null);
        String jkt = json != null && json.get("cnf") instanceof JsonObject cnf ? cnf.getString("jkt", null) : null;
        boolean active = json != null && json.getBoolean("active", false);
        boolean ok = active && jkt != null && jkt.equals(AppJose.thumbprint(session.dpopKey()));
        session.add(recorder.call(StepKind.INTROSPECTION, "Introspection: POST /account/introspect", call,
                Step.Checker.APP, active && jkt != null ? Checks.introspection(jkt, ok)
                        : Checks.INTROSPECTION_REFUSED + refusal(call), ok));
        if (!ok) {
            session.forgetTokens();
            session.message("The access token is not bound to the app's key: the app does not use it. Start over to "
                    + "try again.");
        }
        return ok;
    }

    /** RFC 7523 §2.2: the form with a new client assertion, signed by the app's registered key. */
    private Map<String, String> authenticated(BankSetup setup, Map<String, String> form) {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("client_assertion_type", AppJose.ASSERTION_TYPE);
        all.put("client_assertion", AppJose.clientAssertion(setup.clientKey(), setup.clientId(), setup.appIssuer(),
                clock.instant(), random));
        return all;
    }

    /**
     * A call of the account API: a bearer token, or under FAPI 2.0 a DPoP-bound one with a proof for this call,
     * carrying the nonce the API last gave (RFC 9449 §9), which the app keeps apart from the token endpoint's; when
     * the API answers use_dpop_nonce, once more with the nonce it gave.
     */
    private HttpCall apiCall(BankSetup setup, StepKind kind, String path, String token) {
        String url = setup.addresses().bankUrl() + path;
        if (!setup.isFapi()) {
            return http.get(url, Map.of("Authorization", "Bearer " + token, "Accept", BankHttp.JSON));
        }
        return withNonce(() -> provenApiCall(setup, url, token),
                call -> call.status() == 401 && call.responseHeader("WWW-Authenticate")
                        .filter(challenge -> challenge.contains("error=\"" + USE_DPOP_NONCE + "\"")).isPresent(),
                kind, apiTitle(setup, path) + ": the API asks for its nonce", Checks.API_NONCE);
    }

    private HttpCall provenApiCall(BankSetup setup, String url, String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "DPoP " + token);
        headers.put("DPoP", AppJose.dpopProof(session.dpopKey(), "GET", setup.published(url), token,
                session.apiNonce(), clock.instant(), random));
        headers.put("Accept", BankHttp.JSON);
        HttpCall call = http.get(url, headers);
        call.responseHeader(DPOP_NONCE).ifPresent(session::apiNonce);
        return call;
    }

    /**
     * Keeps the tokens of a successful token response (under FAPI 2.0, of type DPoP only). The access token's expiry
     * counts from when the request was sent, so that the app never thinks a token lives longer than the bank does.
     */
    private boolean keepTokens(BankSetup setup, HttpCall call, Instant sent) {
        JsonObject json = call.json().orElse(null);
        if (call.status() != 200 || json == null || call.member("access_token").isEmpty()) {
            return false;
        }
        if (setup.isFapi() && call.member("token_type").filter("DPoP"::equalsIgnoreCase).isEmpty()) {
            return false;
        }
        long expiresIn = json.get("expires_in") instanceof JsonNumber number ? number.longValue()
                : DEFAULT_EXPIRES_IN;
        session.tokens(call.member("access_token").get(), sent.plusSeconds(expiresIn),
                call.member("refresh_token").orElse(session.refreshToken()));
        return true;
    }

    /** RFC 6749 §2.3.1: client_id and secret form-encoded, joined by a colon, in an HTTP Basic header. */
    private static Map<String, String> tokenHeaders(BankSetup setup) {
        String pair = FormEncoding.encode(setup.clientId()) + ":" + FormEncoding.encode(setup.clientSecret());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        headers.put("Accept", BankHttp.JSON);
        return headers;
    }

    private Step apiStep(BankSetup setup, StepKind kind, String path, HttpCall call) {
        boolean fapi = setup.isFapi();
        String check = switch (call.status()) {
            case 200 -> fapi ? Checks.apiAllowedWithProof(setup.published(setup.addresses().bankUrl() + path))
                    : Checks.apiAllowed(path);
            case 401 -> fapi ? Checks.API_UNAUTHORIZED_DPOP : Checks.API_UNAUTHORIZED;
            case 403 -> Checks.API_FORBIDDEN;
            default -> Checks.apiRefused(call.status());
        };
        return recorder.call(kind, apiTitle(setup, path), call, Step.Checker.BANK, check, call.status() == 200);
    }

    private static String apiTitle(BankSetup setup, String path) {
        return "API call: GET " + path + (setup.isFapi() ? " with the access token and a DPoP proof"
                : " with the access token");
    }

    private Step callbackStep(ShownRequest request, ShownResponse response, String check, boolean ok) {
        return recorder.event(StepKind.CALLBACK, "Callback: the bank's answer arrives", "Your browser brought the "
                + "bank's answer to the app's redirect URI; the app answers with 303 See Other to this page.",
                request, response, Step.Checker.APP, check, ok);
    }

    private static String refusal(HttpCall call) {
        String error = call.member("error").orElse("status " + call.status());
        return call.member("error_description").map(d -> error + " (" + d + ").").orElse(error + ".");
    }

    /** Compares in constant time, as for any value an attacker might guess. */
    private static boolean same(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }
}
