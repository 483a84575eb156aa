package io.accountoauth.it;

import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every test of the deployed WAR starts with: the server on loopback, a browser for the customer's side
 * and an HTTP client for the app's. Each test class names its {@code @Deployment}; classes with the same one share
 * a server ({@link SharedPayaraMicro}), which starts each class with the clock unmoved and no failed login, wrong
 * client secret or registration remembered. What is in the database (apps, consents, grants) stays, so a test
 * that needs a consent of its own makes one.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedWar {

    @ArquillianResource
    URL base;

    Browser browser;
    Api api;

    @BeforeEach
    void connect() {
        browser = new Browser(server());
        api = new Api(server());
    }

    /** The deployment's base URI, on the loopback address. */
    URI server() {
        return Deployments.loopback(base);
    }
}
