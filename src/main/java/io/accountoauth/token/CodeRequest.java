package io.accountoauth.token;

/** What the customer approved, to be turned into an authorization code. */
public record CodeRequest(String clientId, String redirectUri, String customer, String scope, String codeChallenge) {
}
