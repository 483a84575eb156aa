package io.accountoauth.it;

import static io.accountoauth.it.TokenCalls.assertTokenError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many concurrent redemptions of one code at POST /account/token: exactly one succeeds. */
class ParallelRedemptionIT extends DeployedWar {

    private static final int ROUNDS = 100;
    private static final int THREADS = 20;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    ExecutorService threads;
    HttpClient http;

    @BeforeEach
    void setUp() {
        api.resetClock();
        threads = Executors.newFixedThreadPool(THREADS);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    // RFC 6749 §4.1.2, §10.5: a code is single use, also under concurrent redemption.
    @Test
    void whenTwentyThreadsRedeemOneCodeAtOnceThenExactlyOneGetsATokenAndTheRestInvalidGrant() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            String code = browser.sandboxCode("dave");
            HttpRequest request = AtOnce.redemption(server(), code, Duration.ofSeconds(20));

            List<HttpResponse<String>> answers = AtOnce.send(http, threads, Collections.nCopies(THREADS, request));

            int granted = 0;
            for (HttpResponse<String> response : answers) {
                if (response.statusCode() == 200) {
                    granted++;
                } else {
                    assertTokenError(response, 400, "invalid_grant");
                }
            }
            assertEquals(1, granted, "round " + round + ": tokens issued for one code");
        }
    }
}
