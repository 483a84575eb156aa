package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The original sandbox's flow, call for call, answers as the original did. */
class SeedFlowIT extends DeployedWar {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @BeforeEach
    void setUp() {
        api.resetClock();
    }

    @Test
    void whenDaveApprovesTheSeedAppThenItReadsDavesInfoAndBalance() {
        Browser.Page redirect = browser.approve(
                Map.of("redirect_uri", SandboxApp.REDIRECT_URI, "client_id", SandboxApp.CLIENT_ID), "dave");

        URI location = URI.create(redirect.location());
        assertTrue(redirect.status() == 302 || redirect.status() == 303, "status " + redirect.status());
        assertEquals("www3.sotong.io", location.getHost());
        String code = query(location).get("code");
        assertNotNull(code, "no code in " + location);

        HttpResponse<String> tokenResponse = api.accessToken(code, SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
        assertEquals(200, tokenResponse.statusCode(), tokenResponse.body());
        assertEquals("no-store", tokenResponse.headers().firstValue("Cache-Control").orElse(null));
        JsonObject token = Api.json(tokenResponse);
        assertEquals("bearer", token.getString("token_type"));
        assertEquals("read", token.getString("scope"));
        assertEquals(60, token.getInt("expires_in"));
        // The original sandbox's fields first, in its order; then the consent the token was issued under.
        assertEquals(List.of("token_type", "scope", "access_token", "expires_in", "consent_id"),
                List.copyOf(token.keySet()));
        String accessToken = token.getString("access_token");

        JsonObject info = Api.json(api.withBearer("account/info", accessToken));
        assertEquals("dave", info.getString("account_owner"));
        assertEquals("Dave Thompson", info.getString("fullname"));
        assertEquals("daveth271@gmail.com", info.getString("email"));
        assertEquals("491-1295, Nishimiyanosawa 6-jo, Teine-ku Sapporo-shi, Hokkaido", info.getString("address"));
        assertEquals("+8183-977-7817", info.getString("phone"));
        assertEquals(List.of("account_owner", "fullname", "email", "address", "phone"), List.copyOf(info.keySet()));

        JsonObject balance = Api.json(api.withBearer("account/balance", accessToken));
        assertEquals("dave", balance.getString("account_owner"));
        assertEquals("10,187.91", balance.getString("account_balance"));
        assertEquals(List.of("account_owner", "account_balance"), List.copyOf(balance.keySet()));
    }

    @Test
    void whenJaneApprovesThenHerInfoNamesHerAsOwner() {
        String accessToken = api.redeem(browser.sandboxCode("jane"));

        JsonObject info = Api.json(api.withBearer("account/info", accessToken));
        assertEquals("jane", info.getString("account_owner"));
        assertEquals("Jane Hamamoto", info.getString("fullname"));
        assertEquals("kumori18@yahoo.jp", info.getString("email"));
        assertEquals("376-1062, Machi, Ogawara-machi Shibata-gun, Miyagi", info.getString("address"));
        assertEquals("+8128-945-7273", info.getString("phone"));

        JsonObject balance = Api.json(api.withBearer("account/balance", accessToken));
        assertEquals("jane", balance.getString("account_owner"));
        assertEquals("981,719.23", balance.getString("account_balance"));
    }

    static Map<String, String> query(URI uri) {
        return Queries.parse(uri.getRawQuery());
    }
}
