package io.accountoauth.it;

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
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Sends requests on as many threads at the same moment, as concurrent apps or attackers would. */
final class AtOnce {

    private AtOnce() {
    }

    /** The sandbox app's redemption of a code at a server's token endpoint. */
    static HttpRequest redemption(URI server, String code, Duration timeout) {
        return HttpRequest.newBuilder(server.resolve(TokenCalls.TOKEN_PATH))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", Api.basic(SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(Browser.form(TokenCalls.form("grant_type",
                        "authorization_code", "code", code, "redirect_uri", SandboxApp.REDIRECT_URI))))
                .build();
    }

    /** Starts every request together, one thread each, and returns the answers in the requests' order. */
    static List<HttpResponse<String>> send(HttpClient http, ExecutorService threads, List<HttpRequest> requests)
            throws Exception {
        CountDownLatch ready = new CountDownLatch(requests.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (HttpRequest request : requests) {
            answers.add(threads.submit(() -> {
                ready.countDown();
                start.await();
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            }));
        }
        assertTrue(ready.await(10, TimeUnit.SECONDS), "the threads did not start");
        start.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            responses.add(answer.get(30, TimeUnit.SECONDS));
        }
        return responses;
    }
}
