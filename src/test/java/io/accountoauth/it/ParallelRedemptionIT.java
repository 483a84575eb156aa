package io.accountoauth.it;

import static io.accountoauth.it.TokenCalls.assertTokenError;
import static io.accountoauth.it.TokenCalls.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
        URI tokenUri = server().resolve(TokenCalls.TOKEN_PATH);
        for (int round = 1; round <= ROUNDS; round++) {
            String code = browser.sandboxCode("dave");
            HttpRequest request = HttpRequest.newBuilder(tokenUri)
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", Api.basic(SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET))
                    .POST(HttpRequest.BodyPublishers.ofString(Browser.form(form("grant_type", "authorization_code",
                            "code", code, "redirect_uri", SandboxApp.REDIRECT_URI))))
                    .build();
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                answers.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS), "the threads did not start");
            start.countDown();

            int granted = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
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
