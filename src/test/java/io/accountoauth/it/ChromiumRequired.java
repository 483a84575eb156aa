package io.accountoauth.it;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a browser test class only where Debian's Chromium and its driver are installed. Elsewhere the class is
 * skipped with a note on what to install, except on CI ({@code CI=true}), where a missing browser fails the
 * build rather than letting the test skip unseen. Registered before the Arquillian extension, so that a
 * skipped class boots no server.
 */
final class ChromiumRequired implements BeforeAllCallback {

    /** Debian's paths (packages chromium and chromium-driver); a system property may point elsewhere. */
    static final String BINARY = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("chromium.driver", "/usr/bin/chromedriver");

    @Override
    public void beforeAll(ExtensionContext context) {
        if (Files.isExecutable(Path.of(BINARY)) && Files.isExecutable(Path.of(DRIVER))) {
            return;
        }
        String message = "No Chromium at " + BINARY + " with its driver at " + DRIVER
                + ": install them with apt-get install chromium chromium-driver";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(message + ". CI must run the browser test, not skip it.");
        }
        // Maven's report does not show why a whole class was skipped: say it on the console too
        System.err.println("[" + context.getDisplayName() + "] SKIPPED. " + message + ".");
        Assumptions.assumeTrue(false, message + ". Skipping " + context.getDisplayName() + ".");
    }
}
