package io.accountoauth.platform;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps request parameters out of the server's log. Payara's HTTP layer (Grizzly) logs at INFO the name and value of
 * a form or query parameter it cannot decode (GRIZZLY0156), so a password or client secret sent with a stray "%"
 * would be written to the log as it was sent. When the application starts, that logger is set to WARNING, which it
 * does not use for values. On a server without Grizzly the logger is unused and the setting changes nothing.
 */
@WebListener
public class ParameterLogging implements ServletContextListener {

    /** Held here, so that the logger, and the level set on it, are never collected. */
    private static final Logger GRIZZLY_PARAMETERS = Logger.getLogger("org.glassfish.grizzly.http.util.Parameters");

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Level level = GRIZZLY_PARAMETERS.getLevel();
        if (level == null || level.intValue() < Level.WARNING.intValue()) {
            GRIZZLY_PARAMETERS.setLevel(Level.WARNING);
        }
    }
}
