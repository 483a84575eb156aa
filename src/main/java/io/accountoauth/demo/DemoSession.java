package io.accountoauth.demo;

import com.nimbusds.jose.jwk.ECKey;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo app's memory for one browser: the way it connects, the authorization request it is waiting for (state
 * and PKCE verifier), the tokens it holds (under FAPI 2.0 with the key they are bound to and the bank's latest DPoP
 * nonce), what it last read from the account, and the steps so far.
 */
@SessionScoped
public class DemoSession implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Enough for the flow and many more calls; the oldest later steps make room after that. */
    static final int MAX_STEPS = 60;
    static final int FIRST_STEPS_KEPT = 6;

    private Profile profile = Profile.PLAIN;
    private BankSetup setup;
    private String state;
    private ProofKey proofKey;
    private String accessToken;
    private Instant accessTokenExpiresAt;
    private String refreshToken;
    private ECKey dpopKey;
    private String dpopNonce;
    private String apiNonce;
    private String balance;
    private String accountOwner;
    private String fullname;
    private String message;
    private final List<Step> steps = new ArrayList<>();

    /** Forgets everything: a new flow starts from nothing. */
    void reset() {
        profile = Profile.PLAIN;
        setup = null;
        state = null;
        proofKey = null;
        forgetTokens();
        balance = null;
        accountOwner = null;
        fullname = null;
        message = null;
        steps.clear();
    }

    void profile(Profile profile) {
        this.profile = profile;
    }

    void awaitAuthorization(BankSetup setup, String state, ProofKey proofKey) {
        this.setup = setup;
        this.state = state;
        this.proofKey = proofKey;
    }

    /** Ends the authorization request: its state and verifier are used once. */
    void authorizationAnswered() {
        state = null;
        proofKey = null;
    }

    void tokens(String accessToken, Instant expiresAt, String refreshToken) {
        this.accessToken = accessToken;
        this.accessTokenExpiresAt = expiresAt;
        this.refreshToken = refreshToken;
    }

    void forgetTokens() {
        accessToken = null;
        accessTokenExpiresAt = null;
        refreshToken = null;
        dpopKey = null;
        dpopNonce = null;
        apiNonce = null;
    }

    /** The key pair this flow's DPoP proofs are made with, and its tokens bound to. */
    void dpopKey(ECKey dpopKey) {
        this.dpopKey = dpopKey;
    }

    /** The nonce the bank's token endpoint last gave, for the next proof there. */
    void dpopNonce(String dpopNonce) {
        this.dpopNonce = dpopNonce;
    }

    /** The nonce the account API last gave, for the next proof there. */
    void apiNonce(String apiNonce) {
        this.apiNonce = apiNonce;
    }

    void forgetRefreshToken() {
        refreshToken = null;
    }

    void balance(String balance) {
        this.balance = balance;
    }

    void owner(String accountOwner, String fullname) {
        this.accountOwner = accountOwner;
        this.fullname = fullname;
    }

    void message(String message) {
        this.message = message;
    }

    void add(Step step) {
        if (steps.size() >= MAX_STEPS) {
            steps.remove(FIRST_STEPS_KEPT);
        }
        step.number(steps.isEmpty() ? 1 : steps.get(steps.size() - 1).getNumber() + 1);
        steps.add(step);
    }

    Profile profile() {
        return profile;
    }

    ECKey dpopKey() {
        return dpopKey;
    }

    String dpopNonce() {
        return dpopNonce;
    }

    String apiNonce() {
        return apiNonce;
    }

    BankSetup setup() {
        return setup;
    }

    String state() {
        return state;
    }

    ProofKey proofKey() {
        return proofKey;
    }

    String accessToken() {
        return accessToken;
    }

    Instant accessTokenExpiresAt() {
        return accessTokenExpiresAt;
    }

    String refreshToken() {
        return refreshToken;
    }

    String balance() {
        return balance;
    }

    String accountOwner() {
        return accountOwner;
    }

    String fullname() {
        return fullname;
    }

    String message() {
        return message;
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }
}
