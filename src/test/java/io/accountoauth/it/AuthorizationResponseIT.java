package io.accountoauth.it;

import static io.accountoauth.it.TokenCalls.assertErrorRedirect;
import static io.accountoauth.it.TokenCalls.redirectParameters;
import static io.accountoauth.it.TokenCalls.sandboxRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The redirect back to the app: code or error, with the unchanged state and the issuer (RFC 9207). */
class AuthorizationResponseIT extends DeployedWar {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    String issuer;

    @BeforeEach
    void setUp() {
        api.resetClock();
        issuer = TokenCalls.issuer(server());
    }

    // RFC 6749 §4.1.2, RFC 9207 §2: code, the state unchanged, and iss.
    @Test
    void whenApprovedThenTheRedirectCarriesCodeStateAndIss() {
        String state = "st/1 +&=é";
        Browser.Page redirect = browser.approve(sandboxRequest("state", state), "dave");
        Map<String, String> answer = redirectParameters(redirect);
        assertTrue(redirect.location().startsWith(SandboxApp.REDIRECT_URI + "?"), redirect.location());
        assertNotNull(answer.get("code"), redirect.location());
        assertEquals(state, answer.get("state"));
        assertEquals(issuer, answer.get("iss"));
        assertFalse(answer.containsKey("error"), redirect.location());
    }

    // RFC 6749 §4.1.2.1, RFC 9207 §2: the error response carries iss and state too.
    @Test
    void whenDeniedThenTheRedirectCarriesAccessDeniedIssAndState() {
        Browser.Page consent = browser.logIn(browser.authorize(sandboxRequest("state", "deny-1", "prompt", "consent")), "dave", "pw");
        Browser.Page redirect = browser.decide(consent, "deny");
        assertErrorRedirect(redirect, SandboxApp.REDIRECT_URI, "access_denied", "deny-1", issuer);
    }

    // RFC 6749 §4.1.2.1, RFC 9207 §2: an error found at the authorization endpoint carries iss and state.
    @Test
    void whenResponseTypeIsTokenThenTheErrorRedirectCarriesIssAndState() {
        Browser.Page redirect = browser.authorize(sandboxRequest("response_type", "token", "state", "rt-1"));
        assertErrorRedirect(redirect, SandboxApp.REDIRECT_URI, "unsupported_response_type", "rt-1", issuer);
    }

    // RFC 9207 §2.4, RFC 8414 §3.2: iss is the issuer the server's metadata publishes.
    @Test
    void whenTheMetadataIsReadThenItsIssuerIsTheIssOfTheResponse() {
        HttpResponse<String> metadata = api.get(".well-known/oauth-authorization-server");
        assertEquals(200, metadata.statusCode(), metadata.body());
        String published = Api.json(metadata).getString("issuer");
        assertEquals(issuer, published);
        assertTrue(Api.json(metadata).getBoolean("authorization_response_iss_parameter_supported"));

        Map<String, String> answer = redirectParameters(browser.approve(sandboxRequest("state", "m-1"), "dave"));
        assertEquals(published, answer.get("iss"));
    }
}
