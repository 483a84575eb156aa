package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;

/**
 * With the server's default data source pointed at a real PostgreSQL server by configuration
 * ({@code docker/postgresql.asadmin} and DB_URL, DB_USER, DB_PASSWORD), consents are kept there and
 * survive the application going away and coming back.
 */
class PostgresPersistenceIT {

    /** Distinctive, so that the test can tell it never reaches the server's log. */
    static final String PASSWORD = "pg-secret-7f3a9c1e";

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static PayaraMicroProcess server(String name) {
        return PayaraMicroProcess.start(name,
                List.of("--addlibs", System.getProperty("postgresql.jar", "target/postgresql.jar"),
                        "--postbootcommandfile", System.getProperty("postgresql.commands", "docker/postgresql.asadmin")),
                Map.of("DB_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                        "DB_USER", "postgres",
                        "DB_PASSWORD", PASSWORD));
    }

    @Test
    void whenTheServerIsRestartedThenConsentsAreStillThereAndStillRemembered() throws Exception {
        String consentId;
        try (PayaraMicroProcess first = server("payara-postgresql-1")) {
            Browser browser = new Browser(first.base());
            Api api = new Api(first.base());
            String code = browser.sandboxCode("dave");
            HttpResponse<String> tokens = api.postWithBasic("account/token", Map.of("grant_type", "authorization_code",
                    "code", code, "redirect_uri", SandboxApp.REDIRECT_URI), SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
            assertEquals(200, tokens.statusCode(), tokens.body() + "\n" + first.tail());
            consentId = Api.json(tokens).getString("consent_id");
            assertTrue(!first.log().contains(PASSWORD), "the database password is in the server's log");
        }
        // The consent is in PostgreSQL, not in an embedded database of the server's.
        assertEquals("AUTHORISED", statusInDatabase(consentId));

        try (PayaraMicroProcess second = server("payara-postgresql-2")) {
            Api api = new Api(second.base());
            HttpResponse<String> status = api.get("account/consents/" + consentId,
                    "Authorization", Api.basic(SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET));
            assertEquals(200, status.statusCode(), status.body() + "\n" + second.tail());
            JsonObject consent = Api.json(status);
            assertEquals("AUTHORISED", consent.getString("status"));
            assertEquals(2, consent.getJsonArray("history").size());

            // Still remembered: the customer logs in and goes straight back to the app.
            Browser browser = new Browser(second.base());
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
            assertEquals(200, refused.status(), second.tail());
            assertEquals("The user name or password is not right.", refused.document().select(".alert").text());
        }
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
