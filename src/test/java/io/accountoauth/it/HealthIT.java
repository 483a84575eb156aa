package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MicroProfile Health, as the server answers it beside the application: /health/live and /health/ready. */
class HealthIT extends DeployedWar {

    static final String LIVE = "health/live";
    static final String READY = "health/ready";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @BeforeEach
    void setUp() {
        api.resetClock();
    }

    @Test
    void whenLivenessIsAskedThenUpWithTheApplicationCheck() {
        JsonObject health = health(LIVE);

        assertEquals(Set.of("application"), names(health));
        assertEquals("UP", check(health, "application").getString("status"));
    }

    @Test
    void whenReadinessIsAskedThenUpWithTheDatabaseAndTokenStoreChecks() {
        JsonObject health = health(READY);

        assertEquals(Set.of("database", "token-store"), names(health));
        assertEquals("UP", check(health, "database").getString("status"));
        assertEquals("UP", check(health, "token-store").getString("status"));
    }

    // The tests' server runs with --nocluster: one node, its state in its own memory.
    @Test
    void whenTheServerRunsWithoutClusterThenTheTokenStoreIsLocalWithOneMember() {
        JsonObject store = check(health(READY), "token-store");

        assertEquals("local", store.getJsonObject("data").getString("store"), store.toString());
        assertEquals(1, data(store, "members"));
    }

    @Test
    void whenReadinessIsAskedThenTheDatabaseCountsTheSandboxApp() {
        long clients = data(check(health(READY), "database"), "clients");

        assertTrue(clients >= 1, "the sandbox app is registered: " + clients);
    }

    @Test
    void whenTokensAreIssuedThenTheTokenStoreCountsThem() {
        // The store also holds the codes and tokens of the test classes before this one on the same server, and
        // frees each as it expires. With the clock a day back, none expires while this test counts.
        api.advanceClock(-Duration.ofDays(1).toSeconds());
        long before = data(check(health(READY), "token-store"), "entries");

        TokenEndpoints.sandboxTokens(browser, api, "dave");

        long after = data(check(health(READY), "token-store"), "entries");
        assertTrue(after > before, before + " entries, then " + after);
    }

    private JsonObject health(String path) {
        HttpResponse<String> response = api.get(path, "Accept", "application/json");
        assertEquals(200, response.statusCode(), response.body());
        TokenEndpoints.assertJson(response);
        JsonObject health = Api.json(response);
        assertEquals("UP", health.getString("status"), response.body());
        return health;
    }

    private static Set<String> names(JsonObject health) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .map(check -> check.getString("name")).collect(Collectors.toSet());
    }

    static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not among " + health));
    }

    /** A number in a check's data; Payara writes data values as strings. */
    static long data(JsonObject check, String name) {
        JsonValue value = check.getJsonObject("data").get(name);
        assertNotNull(value, () -> name + " is missing from " + check);
        return value instanceof JsonNumber number ? number.longValue() : Long.parseLong(((JsonString) value).getString());
    }
}
