package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.PushedAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientInformationResponse;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationErrorResponse;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An app built on the Nimbus OAuth 2.0 SDK walks the whole flow with the SDK's own requests and parsing. */
class NimbusInteropIT extends DeployedWar {

    /** A loopback redirect URI of the app's own, on a port that is not the server's (RFC 8252 §7.3). */
    private static final URI REDIRECT_URI = URI.create("http://127.0.0.1:65020/cb");
    private static final ClientID CLIENT_ID = new ClientID(SandboxApp.CLIENT_ID);
    private static final Secret CLIENT_SECRET = new Secret(SandboxApp.CLIENT_SECRET);
    private static final Scope READ = new Scope("read");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @BeforeEach
    void setUp() {
        api.resetClock();
    }

    // RFC 8414 discovery, RFC 6749 §4.1 with RFC 7636 PKCE and RFC 9207 iss, RFC 6750 bearer use,
    // RFC 6749 §6 refresh, RFC 7662 introspection and RFC 7009 revocation, with client_secret_basic.
    @Test
    void whenAppUsesClientSecretBasicThenTheWholeFlowWorks() throws Exception {
        walkTheWholeFlow(new ClientSecretBasic(CLIENT_ID, CLIENT_SECRET));
    }

    // The same, with client_secret_post (RFC 6749 §2.3.1).
    @Test
    void whenAppUsesClientSecretPostThenTheWholeFlowWorks() throws Exception {
        walkTheWholeFlow(new ClientSecretPost(CLIENT_ID, CLIENT_SECRET));
    }

    // RFC 9126: the SDK pushes the request to the endpoint the metadata names, and the browser carries the reference.
    @Test
    void whenAppPushesItsRequestThenTheFlowWorksWithTheRequestUri() throws Exception {
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(
                new Issuer(TokenCalls.issuer(server())));
        assertNotNull(metadata.getPushedAuthorizationRequestEndpointURI());
        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationRequest request = new AuthorizationRequest.Builder(ResponseType.CODE, CLIENT_ID)
                .redirectionURI(REDIRECT_URI).scope(READ).state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256).build();
        ClientSecretBasic clientAuth = new ClientSecretBasic(CLIENT_ID, CLIENT_SECRET);
        PushedAuthorizationResponse pushed = PushedAuthorizationResponse.parse(new PushedAuthorizationRequest(
                metadata.getPushedAuthorizationRequestEndpointURI(), clientAuth, request).toHTTPRequest().send());
        assertTrue(pushed.indicatesSuccess(), () -> pushed.toErrorResponse().getErrorObject().toJSONObject().toString());
        PushedAuthorizationSuccessResponse success = pushed.toSuccessResponse();
        assertEquals(60, success.getLifetime());

        AuthorizationRequest byReference = new AuthorizationRequest.Builder(success.getRequestURI(), CLIENT_ID)
                .endpointURI(metadata.getAuthorizationEndpointURI()).build();
        Browser.Page redirect = browser.allowIfAsked(browser.logIn(browser.open(byReference.toURI()), "dave",
                "any password"));
        AuthorizationSuccessResponse answer = AuthorizationResponse.parse(URI.create(redirect.location()))
                .toSuccessResponse();
        assertEquals(state, answer.getState());
        Tokens tokens = tokens(new TokenRequest(metadata.getTokenEndpointURI(), clientAuth,
                new AuthorizationCodeGrant(answer.getAuthorizationCode(), REDIRECT_URI, verifier)));
        assertEquals("10,187.91", balance(metadata, tokens.getAccessToken()));
    }

    /*
     * The SDK registers an app with its public key and require_pushed_authorization_requests (RFC 7591, RFC 9126
     * §6), then pushes its request, exchanges the code and introspects with private_key_jwt (RFC 7523), each
     * assertion for the issuer and used once.
     */
    @Test
    void whenAppRegistersAKeyThenPrivateKeyJwtCarriesTheWholePushedFlow() throws Exception {
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(
                new Issuer(TokenCalls.issuer(server())));
        assertTrue(metadata.getTokenEndpointAuthMethods().contains(ClientAuthenticationMethod.PRIVATE_KEY_JWT));
        RSAKey key = new RSAKeyGenerator(2048).keyID("sdk-key").generate();
        ClientMetadata app = new ClientMetadata();
        app.setName("SDK App");
        app.setRedirectionURI(REDIRECT_URI);
        app.setTokenEndpointAuthMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
        app.setJWKSet(new JWKSet(key.toPublicJWK()));
        app.requiresPushedAuthorizationRequests(true);
        ClientRegistrationResponse registration = ClientRegistrationResponse.parse(new ClientRegistrationRequest(
                metadata.getRegistrationEndpointURI(), app, null).toHTTPRequest().send());
        assertTrue(registration.indicatesSuccess(),
                () -> ((ClientRegistrationErrorResponse) registration).getErrorObject().toJSONObject().toString());
        ClientInformation information = ((ClientInformationResponse) registration).getClientInformation();
        ClientID id = information.getID();
        assertEquals(null, information.getSecret());
        assertTrue(information.getMetadata().requiresPushedAuthorizationRequests());

        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationRequest request = new AuthorizationRequest.Builder(ResponseType.CODE, id)
                .redirectionURI(REDIRECT_URI).scope(READ).state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256).build();
        PushedAuthorizationResponse pushed = PushedAuthorizationResponse.parse(new PushedAuthorizationRequest(
                metadata.getPushedAuthorizationRequestEndpointURI(), assertion(id, metadata, key), request)
                .toHTTPRequest().send());
        assertTrue(pushed.indicatesSuccess(), () -> pushed.toErrorResponse().getErrorObject().toJSONObject().toString());
        AuthorizationRequest byReference = new AuthorizationRequest.Builder(
                pushed.toSuccessResponse().getRequestURI(), id).endpointURI(metadata.getAuthorizationEndpointURI())
                .build();
        Browser.Page redirect = browser.allowIfAsked(browser.logIn(browser.open(byReference.toURI()), "jane",
                "any password"));
        AuthorizationSuccessResponse answer = AuthorizationResponse.parse(URI.create(redirect.location()))
                .toSuccessResponse();
        assertEquals(state, answer.getState());

        Tokens tokens = tokens(new TokenRequest(metadata.getTokenEndpointURI(), assertion(id, metadata, key),
                new AuthorizationCodeGrant(answer.getAuthorizationCode(), REDIRECT_URI, verifier)));
        assertEquals("jane", introspect(metadata, assertion(id, metadata, key), tokens.getAccessToken())
                .getUsername());
        HTTPResponse balance = balanceResponse(metadata, tokens.getAccessToken());
        assertEquals(200, balance.getStatusCode(), balance.getBody());
    }

    /*
     * A FAPI 2.0 app on the SDK: registered with its key, pushed requests only and DPoP-bound tokens; PKCE,
     * private_key_jwt everywhere, DPoP proofs from the SDK's own factory with the server's nonce (learnt from
     * use_dpop_nonce), the account API with a proof, a refresh that keeps the refresh token, introspection with
     * cnf.jkt, and revocation.
     */
    @Test
    void whenAFapiAppUsesTheSdkThenTheWholeProfileWorks() throws Exception {
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(
                new Issuer(TokenCalls.issuer(server())));
        assertTrue(metadata.getDPoPJWSAlgs().contains(JWSAlgorithm.ES256));
        RSAKey key = new RSAKeyGenerator(2048).keyID("fapi-sdk").generate();
        ECKey dpopKey = new ECKeyGenerator(Curve.P_256).generate();
        DefaultDPoPProofFactory proofs = new DefaultDPoPProofFactory(dpopKey, JWSAlgorithm.ES256);
        ClientMetadata app = new ClientMetadata();
        app.setName("SDK FAPI App");
        app.setRedirectionURI(REDIRECT_URI);
        app.setTokenEndpointAuthMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
        app.setJWKSet(new JWKSet(key.toPublicJWK()));
        app.requiresPushedAuthorizationRequests(true);
        app.setDPoPBoundAccessTokens(true);
        ClientID id = ((ClientInformationResponse) ClientRegistrationResponse.parse(new ClientRegistrationRequest(
                metadata.getRegistrationEndpointURI(), app, null).toHTTPRequest().send())).getClientInformation()
                .getID();

        CodeVerifier verifier = new CodeVerifier();
        AuthorizationRequest request = new AuthorizationRequest.Builder(ResponseType.CODE, id)
                .redirectionURI(REDIRECT_URI).scope(READ).state(new State())
                .codeChallenge(verifier, CodeChallengeMethod.S256).build();
        PushedAuthorizationSuccessResponse pushed = PushedAuthorizationResponse.parse(new PushedAuthorizationRequest(
                metadata.getPushedAuthorizationRequestEndpointURI(), assertion(id, metadata, key), request)
                .toHTTPRequest().send()).toSuccessResponse();
        Browser.Page redirect = browser.allowIfAsked(browser.logIn(browser.open(new AuthorizationRequest.Builder(
                pushed.getRequestURI(), id).endpointURI(metadata.getAuthorizationEndpointURI()).build().toURI()),
                "dave", "any password"));
        AuthorizationCode code = AuthorizationResponse.parse(URI.create(redirect.location())).toSuccessResponse()
                .getAuthorizationCode();

        // The first token request has no nonce: the server answers use_dpop_nonce with one
        URI tokenEndpoint = metadata.getTokenEndpointURI();
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, REDIRECT_URI, verifier);
        HTTPRequest first = new TokenRequest(tokenEndpoint, assertion(id, metadata, key), grant).toHTTPRequest();
        first.setDPoP(proofs.createDPoPJWT("POST", tokenEndpoint));
        HTTPResponse needsNonce = first.send();
        assertEquals(400, needsNonce.getStatusCode(), needsNonce.getBody());
        assertEquals("use_dpop_nonce", TokenResponse.parse(needsNonce).toErrorResponse().getErrorObject().getCode());
        Nonce nonce = needsNonce.getDPoPNonce();
        assertNotNull(nonce);

        HTTPRequest second = new TokenRequest(tokenEndpoint, assertion(id, metadata, key), grant).toHTTPRequest();
        second.setDPoP(proofs.createDPoPJWT("POST", tokenEndpoint, nonce));
        HTTPResponse issued = second.send();
        Tokens tokens = TokenResponse.parse(issued).toSuccessResponse().getTokens();
        assertTrue(tokens.getAccessToken() instanceof DPoPAccessToken, tokens.getAccessToken().getClass().getName());
        nonce = issued.getDPoPNonce();

        URI balanceUri = URI.create(metadata.getIssuer().getValue() + "/account/balance");
        HTTPRequest balance = new HTTPRequest(HTTPRequest.Method.GET, balanceUri);
        balance.setAuthorization(tokens.getAccessToken().toAuthorizationHeader());
        balance.setDPoP(proofs.createDPoPJWT("GET", balanceUri, tokens.getAccessToken()));
        HTTPResponse answered = balance.send();
        assertEquals(200, answered.getStatusCode(), answered.getBody());
        assertEquals("10,187.91", answered.getBodyAsJSONObject().getAsString("account_balance"));

        HTTPRequest refresh = new TokenRequest(tokenEndpoint, assertion(id, metadata, key),
                new RefreshTokenGrant(tokens.getRefreshToken())).toHTTPRequest();
        refresh.setDPoP(proofs.createDPoPJWT("POST", tokenEndpoint, nonce));
        Tokens refreshed = TokenResponse.parse(refresh.send()).toSuccessResponse().getTokens();
        assertEquals(tokens.getRefreshToken(), refreshed.getRefreshToken(), "FAPI 2.0: no rotation");

        TokenIntrospectionSuccessResponse introspection = introspect(metadata, assertion(id, metadata, key),
                refreshed.getAccessToken());
        assertEquals(dpopKey.computeThumbprint(), introspection.getJWKThumbprintConfirmation().getValue());

        HTTPResponse revoked = new TokenRevocationRequest(metadata.getRevocationEndpointURI(),
                assertion(id, metadata, key), refreshed.getRefreshToken()).toHTTPRequest().send();
        assertEquals(200, revoked.getStatusCode(), revoked.getBody());
        assertFalse(introspect(metadata, assertion(id, metadata, key), refreshed.getAccessToken()).isActive());
    }

    /** A new assertion for each request, for the issuer: the SDK puts its endpoint argument in aud. */
    private static PrivateKeyJWT assertion(ClientID id, AuthorizationServerMetadata metadata, RSAKey key)
            throws Exception {
        return new PrivateKeyJWT(id, URI.create(metadata.getIssuer().getValue()), JWSAlgorithm.PS256,
                key.toRSAPrivateKey(), key.getKeyID(), null);
    }

    private void walkTheWholeFlow(ClientAuthentication clientAuth) throws Exception {
        // Discovery: the SDK fetches the metadata and checks its issuer against the one it was given.
        Issuer issuer = new Issuer(TokenCalls.issuer(server()));
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(issuer);
        assertEquals(issuer, metadata.getIssuer());

        // The authorization request, and the customer's part in the browser.
        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationRequest request = new AuthorizationRequest.Builder(ResponseType.CODE, CLIENT_ID)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .redirectionURI(REDIRECT_URI)
                .scope(READ)
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        Browser.Page login = browser.open(request.toURI());
        Browser.Page consent = browser.logIn(login, "dave", "any password");
        Browser.Page redirect = browser.allowIfAsked(consent);
        assertNotNull(redirect.location(), () -> "no redirect to the app: " + redirect.status() + "\n" + redirect.body());

        // The authorization response, as the SDK reads it.
        AuthorizationResponse response = AuthorizationResponse.parse(URI.create(redirect.location()));
        assertTrue(response.indicatesSuccess(), () -> "authorization failed: " + redirect.location());
        AuthorizationSuccessResponse success = response.toSuccessResponse();
        assertEquals(state, success.getState());
        assertEquals(metadata.getIssuer(), success.getIssuer(), "RFC 9207: iss is the metadata's issuer");
        AuthorizationCode code = success.getAuthorizationCode();
        assertNotNull(code);

        // The code exchange with the PKCE verifier.
        Tokens tokens = tokens(new TokenRequest(metadata.getTokenEndpointURI(), clientAuth,
                new AuthorizationCodeGrant(code, REDIRECT_URI, verifier)));
        AccessToken accessToken = tokens.getAccessToken();
        RefreshToken refreshToken = tokens.getRefreshToken();
        assertTrue(accessToken instanceof BearerAccessToken, accessToken.getClass().getName());
        assertEquals(READ, accessToken.getScope());
        assertEquals(60, accessToken.getLifetime());
        assertNotNull(refreshToken, "the token endpoint issues a refresh token");
        assertEquals("10,187.91", balance(metadata, accessToken));

        // Refresh: a new access token and, by rotation, a new refresh token.
        Tokens refreshed = tokens(new TokenRequest(metadata.getTokenEndpointURI(), clientAuth,
                new RefreshTokenGrant(refreshToken)));
        AccessToken newAccessToken = refreshed.getAccessToken();
        RefreshToken newRefreshToken = refreshed.getRefreshToken();
        assertNotEquals(accessToken, newAccessToken);
        assertNotNull(newRefreshToken);
        assertNotEquals(refreshToken, newRefreshToken);
        assertEquals("10,187.91", balance(metadata, newAccessToken));

        // Introspection of the new access token.
        TokenIntrospectionSuccessResponse introspection = introspect(metadata, clientAuth, newAccessToken);
        assertTrue(introspection.isActive());
        assertEquals(READ, introspection.getScope());
        assertEquals(CLIENT_ID, introspection.getClientID());
        assertEquals("dave", introspection.getUsername());
        assertEquals(metadata.getIssuer(), introspection.getIssuer());

        // Revocation of the refresh token ends the grant: the access token issued with it too.
        HTTPResponse revoked = new TokenRevocationRequest(metadata.getRevocationEndpointURI(), clientAuth,
                newRefreshToken).toHTTPRequest().send();
        assertEquals(200, revoked.getStatusCode(), revoked.getBody());
        assertFalse(introspect(metadata, clientAuth, newAccessToken).isActive());
        assertFalse(introspect(metadata, clientAuth, newRefreshToken).isActive());
        HTTPResponse refused = balanceResponse(metadata, newAccessToken);
        assertEquals(401, refused.getStatusCode());
        assertEquals(BearerTokenError.INVALID_TOKEN.getCode(),
                BearerTokenError.parse(refused.getWWWAuthenticate()).getCode());
    }

    private static Tokens tokens(TokenRequest request) throws Exception {
        TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(),
                () -> "token request refused: " + response.toErrorResponse().getErrorObject().toJSONObject());
        AccessTokenResponse success = response.toSuccessResponse();
        return success.getTokens();
    }

    private static TokenIntrospectionSuccessResponse introspect(AuthorizationServerMetadata metadata,
            ClientAuthentication clientAuth, Token token) throws Exception {
        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                metadata.getIntrospectionEndpointURI(), clientAuth, token).toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(),
                () -> "introspection refused: " + response.toErrorResponse().getErrorObject().toJSONObject());
        return response.toSuccessResponse();
    }

    /** The customer's balance, read with the bearer token as the SDK sends it (RFC 6750 §2.1). */
    private static String balance(AuthorizationServerMetadata metadata, AccessToken token) throws Exception {
        HTTPResponse response = balanceResponse(metadata, token);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return response.getBodyAsJSONObject().getAsString("account_balance");
    }

    private static HTTPResponse balanceResponse(AuthorizationServerMetadata metadata, AccessToken token)
            throws Exception {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET,
                URI.create(metadata.getIssuer().getValue() + "/account/balance"));
        request.setAuthorization(token.toAuthorizationHeader());
        return request.send();
    }
}
