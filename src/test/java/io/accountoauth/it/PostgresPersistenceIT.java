package io.accountoauth.it;

import static io.accountoauth.it.TokenCalls.assertBearerError;
import static io.accountoauth.it.TokenCalls.assertTokenError;
import static io.accountoauth.it.TokenCalls.assertTokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * With the server's default data source pointed at a real PostgreSQL server by configuration
 * ({@code docker/postgresql.asadmin} and DB_URL, DB_USER, DB_PASSWORD), consents and refresh tokens are kept
 * there and survive the application going away and coming back. The first server issues and rotates tokens and
 * stops; the tests then ask a second one on the same database.
 *
 * <p>These servers are its own, not the one the other test classes share: they run on PostgreSQL, and the test
 * stops them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresPersistenceIT {

    /** Distinctive, so that the test can tell it never reaches the server's log. */
    static final String PASSWORD = "pg-secret-7f3a9c1e";

    static EmbeddedPostgres postgres;
    /** The second server, started after the first had stopped. */
    static PayaraMicroProcess restarted;

    static String firstLog;
    static String consentId;
    /** The first refresh token of the grant, ended by a refresh before the restart. */
    static String rotatedRefreshToken;
    /** The grant's live refresh token when the first server stopped. */
    static String liveRefreshToken;

    @BeforeAll
    static void issueTokensThenRestart() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (PayaraMicroProcess first = server("payara-postgresql-1")) {
            Browser browser = new Browser(first.base());
            Api api = new Api(first.base());
            String code = browser.sandboxCode("dave");
            HttpResponse<String> tokens = api.postWithBasic("account/token", Map.of("grant_type", "authorization_code",
                    "code", code, "redirect_uri", SandboxApp.REDIRECT_URI), SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
            assertEquals(200, tokens.statusCode(), tokens.body() + "\n" + first.tail());
            consentId = Api.json(tokens).getString("consent_id");
            rotatedRefreshToken = Api.json(tokens).getString("refresh_token");
            HttpResponse<String> refreshed = new TokenCalls(api).refresh(rotatedRefreshToken);
            assertEquals(200, refreshed.statusCode(), refreshed.body() + "\n" + first.tail());
            liveRefreshToken = Api.json(refreshed).getString("refresh_token");
            firstLog = first.log();
        }
        restarted = server("payara-postgresql-2");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (restarted != null) {
                restarted.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** The options that point the server's default data source at PostgreSQL: the driver and the boot commands. */
    static List<String> postgresqlOptions() {
        return List.of("--addlibs", System.getProperty("postgresql.jar", "target/postgresql.jar"),
                "--postbootcommandfile", System.getProperty("postgresql.commands", "docker/postgresql.asadmin"));
    }

    /** The environment those boot commands read: this PostgreSQL's URL and credentials. */
    static Map<String, String> postgresqlEnvironment(EmbeddedPostgres database) {
        return Map.of("DB_URL", "jdbc:postgresql://localhost:" + database.getPort() + "/postgres",
                "DB_USER", "postgres",
                "DB_PASSWORD", PASSWORD);
    }

    private static PayaraMicroProcess server(String name) {
        return PayaraMicroProcess.start(name, postgresqlOptions(), postgresqlEnvironment(postgres));
    }

    @Test
    @Order(1)
    void whenTheServerIsRestartedThenConsentsAreStillThereAndStillRemembered() throws Exception {
        assertTrue(!firstLog.contains(PASSWORD), "the database password is in the server's log");
        // The consent is in PostgreSQL, not in an embedded database of the server's.
        assertEquals("AUTHORISED", statusInDatabase(consentId));

        Api api = new Api(restarted.base());
        HttpResponse<String> status = api.get("account/consents/" + consentId,
                "Authorization", Api.basic(SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET));
        assertEquals(200, status.statusCode(), status.body() + "\n" + restarted.tail());
        JsonObject consent = Api.json(status);
        assertEquals("AUTHORISED", consent.getString("status"));
        assertEquals(2, consent.getJsonArray("history").size());

        // Still remembered: the customer logs in and goes straight back to the app.
        Browser browser = new Browser(restarted.base());
        Browser.Page login = browser.authorize(Map.of("client_id", SandboxApp.CLIENT_ID,
                "redirect_uri", SandboxApp.REDIRECT_URI));
        Browser.Page redirect = browser.logIn(login, "dave", "pw");
        assertNotNull(redirect.location(), "the consent page was shown again:\n" + redirect.body());
        String code = Queries.parse(URI.create(redirect.location()).getRawQuery()).get("code");
        HttpResponse<String> tokens = api.postWithBasic("account/token", Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", SandboxApp.REDIRECT_URI), SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
        assertEquals(consentId, Api.json(tokens).getString("consent_id"));

        // PostgreSQL refuses NUL in text: such keys never reach it, and the answers stay the usual 4xx.
        assertEquals(400, browser.authorize(Map.of("client_id", "7b6f\u0000", "redirect_uri",
                SandboxApp.REDIRECT_URI)).status());
        assertEquals(401, api.postWithBasic("account/token", Map.of("grant_type", "refresh_token",
                "refresh_token", "x"), "app\u0000", "secret").statusCode());
        Browser.Page askAgain = browser.authorize(Map.of("client_id", SandboxApp.CLIENT_ID,
                "redirect_uri", SandboxApp.REDIRECT_URI, "prompt", "consent"));
        Browser.Page refused = browser.logIn(askAgain, "da\u0000ve", "pw");
        assertEquals(200, refused.status(), restarted.tail());
        assertEquals("The user name or password is not right.", refused.document().select(".alert").text());
    }

    // RFC 9700 §4.14.2: rotation and reuse detection hold across a restart, so refresh tokens are kept in the database.
    @Test
    @Order(2)
    void whenTheServerIsRestartedThenARefreshTokenIssuedBeforeStillRotatesAndAReusedOneRevokesTheGrant() {
        TokenCalls tokens = new TokenCalls(new Api(restarted.base()));

        HttpResponse<String> refreshed = tokens.refresh(liveRefreshToken);
        assertEquals(200, refreshed.statusCode(), () -> "the refresh token issued before the restart was refused after it: "
                + refreshed.body() + "\n" + restarted.tail());
        JsonObject newest = assertTokens(refreshed);
        assertEquals(consentId, newest.getString("consent_id"));
        assertNotEquals(liveRefreshToken, newest.getString("refresh_token"), "a refresh rotates the refresh token");
        String newestAccessToken = newest.getString("access_token");
        assertEquals(200, new Api(restarted.base()).withBearer("account/balance", newestAccessToken).statusCode());

        // The refresh token that the first server had already rotated away: a reuse, which ends the whole grant.
        HttpResponse<String> reused = tokens.refresh(rotatedRefreshToken);
        assertEquals(400, reused.statusCode(), () -> "a refresh token rotated before the restart was accepted after it: "
                + reused.body());
        assertTokenError(reused, 400, "invalid_grant");

        HttpResponse<String> afterReuse = tokens.refresh(newest.getString("refresh_token"));
        assertEquals(400, afterReuse.statusCode(), () -> "the reuse did not revoke the grant: its newest refresh token "
                + "still works: " + afterReuse.body());
        assertTokenError(afterReuse, 400, "invalid_grant");
        assertBearerError(new Api(restarted.base()).withBearer("account/balance", newestAccessToken), 401,
                "invalid_token");
    }

    private static String statusInDatabase(String consentId) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT status FROM consent WHERE id = ?")) {
            query.setString(1, consentId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "no consent " + consentId + " in PostgreSQL");
                return row.getString(1);
            }
        }
    }
}
