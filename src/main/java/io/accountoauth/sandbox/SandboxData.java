package io.accountoauth.sandbox;

import io.accountoauth.account.AccountBalance;
import io.accountoauth.account.Customer;
import io.accountoauth.account.CustomerRepository;
import io.accountoauth.client.Client;
import io.accountoauth.client.ClientRepository;
import io.accountoauth.client.ClientSecrets;
import io.accountoauth.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Seeds the sandbox's customers, accounts and app from {@code sandbox-data.json} at start-up, adding only
 * what the database does not have yet. The app, whose secret is published, only where {@code sandbox.app} asks for
 * it: by default in the sandbox, never by default in production mode.
 */
@ApplicationScoped
public class SandboxData {

    static final String RESOURCE = "/sandbox-data.json";

    @Inject
    ClientRepository clients;

    @Inject
    CustomerRepository customers;

    @Inject
    Logger log;

    @Inject
    Settings settings;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        JsonObject data = read();
        for (JsonValue value : data.getJsonArray("clients")) {
            JsonObject client = value.asJsonObject();
            String clientId = client.getString("client_id");
            if (!settings.sandboxApp()) {
                if (clients.find(clientId).isPresent()) {
                    log.warning(() -> "The sandbox app " + clientId + ", whose secret is published, is in the "
                            + "database although sandbox.app is false: remove it from the client table");
                }
                continue;
            }
            addOnce(() -> clients.addIfAbsent(new Client(
                    clientId,
                    client.getString("name"),
                    ClientSecrets.digest(client.getString("client_secret")),
                    client.getJsonArray("redirect_uris").getValuesAs(JsonString::getString),
                    client.getBoolean("loopback_any_path", false))), () -> clients.find(clientId).isPresent());
        }
        for (JsonValue value : data.getJsonArray("customers")) {
            JsonObject customer = value.asJsonObject();
            String username = customer.getString("username");
            addOnce(() -> customers.addIfAbsent(new Customer(
                            username,
                            customer.getString("fullname"),
                            customer.getString("email"),
                            customer.getString("address"),
                            customer.getString("phone")),
                    AccountBalance.parse(customer.getString("balance"))), () -> customers.find(username).isPresent());
        }
        log.info(() -> "Sandbox data ready: " + (settings.sandboxApp() ? data.getJsonArray("clients").size() : 0)
                + " app(s), "
                + data.getJsonArray("customers").size() + " customer(s)");
    }

    /**
     * Adds a row unless it is there. Nodes that start together on one database may both find it missing: the
     * one whose insert then fails finds the other's row, and goes on.
     */
    private static void addOnce(Runnable add, BooleanSupplier present) {
        try {
            add.run();
        } catch (RuntimeException e) {
            if (!present.getAsBoolean()) {
                throw e;
            }
        }
    }

    private static JsonObject read() {
        try (InputStream in = SandboxData.class.getResourceAsStream(RESOURCE);
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
