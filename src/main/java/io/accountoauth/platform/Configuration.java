package io.accountoauth.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Reads every configuration property once, when the application starts, and gives the beans the checked
 * {@link Settings}. A wrong value stops the deployment, with one log line that names the property, its value and
 * what is allowed; the application is then not served at all.
 */
@ApplicationScoped
public class Configuration {

    private static final Logger LOG = Logger.getLogger(Configuration.class.getName());

    @Inject
    Config config;

    private Settings settings;

    @PostConstruct
    void read() {
        try {
            settings = Settings.read(name -> config.getOptionalValue(name, String.class));
        } catch (InvalidSetting e) {
            LOG.severe("Invalid configuration: " + e.getMessage());
            throw e;
        }
    }

    /** Before anything else starts: creating this bean reads and checks the configuration. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
            Object event) {
        LOG.fine(() -> "Configuration: " + settings);
    }

    @Produces
    Settings settings() {
        return settings;
    }
}
