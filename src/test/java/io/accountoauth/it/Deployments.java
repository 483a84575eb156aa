package io.accountoauth.it;

import io.accountoauth.testsupport.ClockResource;
import io.accountoauth.testsupport.HeapResource;
import io.accountoauth.testsupport.HousekeepingResource;
import io.accountoauth.testsupport.MovableClock;
import io.accountoauth.testsupport.ResetResource;
import io.accountoauth.testsupport.SessionResource;
import io.accountoauth.testsupport.TestClients;
import io.accountoauth.testsupport.TestSupportApplication;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR under test: the one Maven built, plus a movable clock, a reset of the server's counters, more clients. */
final class Deployments {

    private Deployments() {
    }

    /**
     * The deployment's base URI on the loopback address. Payara Micro listens on every interface and reports
     * the machine's own address; the tests keep their traffic on loopback.
     */
    static URI loopback(URL base) {
        try {
            return loopback(base.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(base.toString(), e);
        }
    }

    static URI loopback(URI reported) {
        try {
            return new URI(reported.getScheme(), null, "127.0.0.1", reported.getPort(), reported.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(reported.toString(), e);
        }
    }

    static WebArchive war() {
        File built = new File(System.getProperty("app.war", "target/account-oauth.war"));
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(built).as(WebArchive.class)
                .addClasses(MovableClock.class, ClockResource.class, HousekeepingResource.class, ResetResource.class,
                        HeapResource.class, SessionResource.class,
                        TestSupportApplication.class, TestClients.class);
    }
}
