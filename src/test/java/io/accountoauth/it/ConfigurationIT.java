package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A configuration value the application cannot run with stops its deployment, with one log line naming the
 * property, the value and what is allowed, and the application is not served. One Payara Micro serves the WAR
 * as built (with an issuer from the environment) and, after it, is given one copy of the WAR for each wrong value,
 * with the value in the copy's own microprofile-config.properties.
 */
class ConfigurationIT {

    private static final String CONFIG = "/WEB-INF/classes/META-INF/microprofile-config.properties";
    private static final Duration BOOT = Duration.ofSeconds(150);

    /** Context root, property and wrong value of each copy. */
    private static final List<String[]> WRONG = List.of(
            new String[] {"registrations-zero", "oauth.registration.per-address-per-hour", "0"},
            new String[] {"registrations-word", "oauth.registration.per-address-per-hour", "ten"},
            new String[] {"lifetime-huge", "consent.lifetime", "P1000000000000D"},
            new String[] {"lifetime-zero", "consent.lifetime", "PT0S"},
            new String[] {"any-password-yes", "sandbox.any-password", "yes"},
            new String[] {"production-no-issuer", "sandbox.any-password", "false"},
            new String[] {"sandbox-app-maybe", "sandbox.app", "maybe"},
            new String[] {"proxies-name", "oauth.trusted-proxies", "10.0.0.0/8, proxy.example"},
            new String[] {"proxies-prefix", "oauth.trusted-proxies", "10.0.0.0/33"},
            new String[] {"proxy-headers-other", "oauth.proxy-headers", "x-real-ip"});
    /** A copy with a valid issuer, written with a trailing slash. */
    private static final String[] ISSUER = {"issuer", "oauth.issuer", "https://bank.example/"};

    private static PayaraMicroProcess server;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "configuration-it").toAbsolutePath());
        List<String> commands = new ArrayList<>();
        List<String[]> copies = new ArrayList<>(WRONG);
        copies.add(ISSUER);
        for (String[] wrong : copies) {
            Path war = folder.resolve(wrong[0] + ".war");
            withProperty(wrong[1], wrong[2]).as(ZipExporter.class).exportTo(war.toFile(), true);
            commands.add("deploy --name " + wrong[0] + " --contextroot /" + wrong[0] + " " + war);
        }
        Path commandFile = Files.writeString(folder.resolve("deploy-wrong.asadmin"), String.join("\n", commands) + "\n");
        server = PayaraMicroProcess.start("payara-configuration",
                List.of("--postdeploycommandfile", commandFile.toString()), Map.of());
        awaitBootEnd();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The WAR as built, with one more line in its microprofile-config.properties. */
    private static WebArchive withProperty(String property, String value) {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, "app.war")
                .importFrom(Path.of(System.getProperty("app.war", "target/account-oauth.war")).toFile())
                .as(WebArchive.class);
        String properties;
        try (InputStream in = war.get(CONFIG).getAsset().openStream()) {
            properties = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        war.delete(CONFIG);
        return war.add(new StringAsset(properties + "\n" + property + "=" + value + "\n"), CONFIG);
    }

    /** Payara Micro logs "ready in" once the deployments of its command file have been tried. */
    private static void awaitBootEnd() {
        Instant deadline = Instant.now().plus(BOOT);
        while (!server.log().contains(") ready in ")) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Payara Micro did not finish booting:\n" + server.log());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<String> logLines(String containing) {
        return server.log().lines().filter(line -> line.contains(containing)).toList();
    }

    private static HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(server.base().resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "registrations-zero, oauth.registration.per-address-per-hour, 0, a whole number from 1 to 10000",
            "registrations-word, oauth.registration.per-address-per-hour, ten, a whole number from 1 to 10000",
            "lifetime-huge, consent.lifetime, P1000000000000D, an ISO-8601 duration longer than zero and at most "
                    + "P3650D (ten years)",
            "lifetime-zero, consent.lifetime, PT0S, an ISO-8601 duration longer than zero and at most P3650D "
                    + "(ten years)",
            "any-password-yes, sandbox.any-password, yes, true or false",
            "sandbox-app-maybe, sandbox.app, maybe, true or false",
            "proxies-name, oauth.trusted-proxies, '10.0.0.0/8, proxy.example', IP addresses and CIDR ranges separated "
                    + "by commas",
            "proxies-prefix, oauth.trusted-proxies, 10.0.0.0/33, IP addresses and CIDR ranges separated by commas",
            "proxy-headers-other, oauth.proxy-headers, x-real-ip, xforwarded (X-Forwarded-For) or forwarded"})
    void whenAValueIsOutOfRangeThenTheDeploymentStopsWithOneLogLineNamingIt(String context, String property,
            String value, String allowed) {
        List<String> lines = logLines("Invalid configuration: " + property + "=" + value + ": ");
        assertEquals(1, lines.size(), "one line for " + property + "=" + value + ":\n" + String.join("\n", lines));
        String line = lines.get(0);
        assertTrue(line.contains("SEVERE") && line.contains(": " + allowed), line);

        HttpResponse<String> metadata = get(context + "/.well-known/oauth-authorization-server");
        assertNotEquals(200, metadata.statusCode(), metadata.body());
        assertFalse(metadata.body().contains("\"issuer\""), metadata.body());
        assertFalse(server.log().contains("\"Context Root\": \"/" + context + "\""),
                "Payara Micro lists it as deployed");
    }

    // Production mode never takes its issuer from a request's Host: without oauth.issuer it does not start.
    @Test
    void whenProductionModeHasNoIssuerThenTheDeploymentStops() {
        List<String> lines = logLines("Invalid configuration: oauth.issuer=: required with sandbox.any-password=false");
        assertEquals(1, lines.size(), String.join("\n", logLines("Invalid configuration")));
        assertTrue(lines.get(0).contains("SEVERE"), lines.get(0));
        HttpResponse<String> metadata = get("production-no-issuer/.well-known/oauth-authorization-server");
        assertNotEquals(200, metadata.statusCode(), metadata.body());
    }

    @Test
    void whenEveryValueIsValidThenTheApplicationIsServedWithIt() {
        HttpResponse<String> asBuilt = get(".well-known/oauth-authorization-server");
        assertEquals(200, asBuilt.statusCode(), asBuilt.body());
        HttpResponse<String> metadata = get("issuer/.well-known/oauth-authorization-server");
        assertEquals(200, metadata.statusCode(), metadata.body());
        JsonObject json = Json.createReader(new StringReader(metadata.body())).readObject();
        assertEquals("https://bank.example", json.getString("issuer"), "the trailing slash is cut");
        assertEquals(WRONG.size(), logLines("Invalid configuration: ").size(), "one line for each wrong value");
    }
}
