package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * In the sandbox, where any password is right for a known customer, nobody can lock a customer out: failures from
 * one address hold back that address only, and no count of failures per account holds back anyone.
 */
class LockOutIT extends DeployedWar {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    private Browser from(int lastByte) {
        return Browser.from(server(), RawHttp.loopback(lastByte));
    }

    private static Browser.Page logIn(Browser browser, String user, String password) {
        Browser.Page login = browser.authorize(Map.of("client_id", SandboxApp.CLIENT_ID,
                "redirect_uri", SandboxApp.REDIRECT_URI, "prompt", "consent"));
        return browser.logIn(login, user, password);
    }

    private static String message(Browser.Page page) {
        return page.document().select(".alert").text();
    }

    @Test
    void whenFiveEmptyPasswordsForJaneFromOneAddressThenJaneFromAnotherLogsIn() {
        Browser attacker = from(6);
        for (int i = 0; i < 5; i++) {
            assertEquals("The user name or password is not right.", message(logIn(attacker, "jane", "")));
        }
        assertTrue(message(logIn(attacker, "jane", "any password")).startsWith("Too many failed attempts."));
        Browser.Page jane = logIn(from(5), "jane", "any password");
        assertNotNull(jane.document().getElementById("consent"), jane.body());
    }

    @Test
    void whenFailuresForDaveComeFromManyAddressesThenANewBrowserStillLogsIn() {
        for (int address = 50; address < 56; address++) {
            Browser guesser = from(address);
            for (int i = 0; i < 5; i++) {
                logIn(guesser, "dave", "");
            }
        }
        Browser.Page dave = logIn(from(60), "dave", "any password");
        assertNotNull(dave.document().getElementById("consent"), dave.body());
    }
}
