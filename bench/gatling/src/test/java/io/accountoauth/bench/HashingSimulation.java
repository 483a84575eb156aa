package io.accountoauth.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The API's latency while production-mode logins are hammered. One server runs the bank twice: at {@code /} in the
 * sandbox, where the probes get their tokens from whole flows, and at {@code /production} in production mode
 * (PBKDF2 passwords), trusting 127.0.0.1 as a proxy so that each guess can come from an address of its own, as a
 * spread-out guesser's would, and no throttle holds it back. {@link #PROBES} users call the balance with a short
 * pause, first alone for {@link #PHASE} seconds, then as long again while {@link #GUESSERS} users post logins for
 * unknown users, each a full hash unless the hashing gate answers "busy". The answers are counted into
 * the file {@code BENCH_OUTCOMES} names.
 */
public class HashingSimulation extends Simulation {

    static final int PHASE = Integer.parseInt(System.getenv().getOrDefault("BENCH_HASHING_SECONDS", "20"));
    static final int PROBES = 8;
    static final int GUESSERS = 20;
    static final Duration PAUSE = Duration.ofMillis(20);
    static final String PRODUCTION = "/production";

    static final AtomicLong REFUSED = new AtomicLong();
    static final AtomicLong BUSY = new AtomicLong();
    static final AtomicLong OTHER = new AtomicLong();

    private static PopulationBuilder probes(String name) {
        return scenario(name).exec(Bank.flow("setup ")).during(Duration.ofSeconds(PHASE))
                .on(Bank.balance(name).pause(PAUSE)).injectOpen(atOnceUsers(PROBES));
    }

    /** A login page of the production bank, kept by the virtual user; each guess posts its form again. */
    private static ChainBuilder guess() {
        return exec(http("guess login").post("#{action}")
                .header("X-Forwarded-For", session -> randomAddress())
                .formParam("login", "login").formParam("_csrf", "#{csrf}")
                .formParam("jakarta.faces.ViewState", "#{viewState}")
                .formParam("login:username", session -> "nobody-" + ThreadLocalRandom.current().nextInt(1_000_000))
                .formParam("login:password", "guess")
                .formParam("login:signIn", "Log in")
                .check(status().is(200), css(".alert").saveAs("answer"),
                        css("#login", "action").saveAs("action"),
                        css("input[name='_csrf']", "value").saveAs("csrf"),
                        css("input[name='jakarta.faces.ViewState']", "value").saveAs("viewState")))
                .exec(session -> {
                    String answer = session.getString("answer");
                    if (answer != null && answer.startsWith("The user name or password is not right.")) {
                        REFUSED.incrementAndGet();
                    } else if (answer != null && answer.startsWith("The bank is checking many logins")) {
                        BUSY.incrementAndGet();
                    } else {
                        OTHER.incrementAndGet();
                    }
                    return session;
                });
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    {
        PopulationBuilder warmup = scenario("warm-up").exec(Bank.flow("setup ")).during(Duration.ofSeconds(PHASE))
                .on(Bank.balance("warm-up balance").pause(PAUSE)).injectOpen(atOnceUsers(PROBES));
        PopulationBuilder guessers = scenario("guessers")
                .exec(http("guess authorize").get(PRODUCTION + "/account/authorize")
                        .queryParam("client_id", Bank.CLIENT_ID).queryParam("redirect_uri", Bank.REDIRECT_URI)
                        .check(status().is(200), css("#login", "action").saveAs("action"),
                                css("input[name='_csrf']", "value").saveAs("csrf"),
                                css("input[name='jakarta.faces.ViewState']", "value").saveAs("viewState")))
                .exitHereIfFailed()
                .during(Duration.ofSeconds(PHASE)).on(guess())
                .injectOpen(atOnceUsers(GUESSERS));
        setUp(warmup.andThen(probes("balance alone")).andThen(probes("balance while hashing"), guessers))
                .protocols(Bank.protocol());
    }

    @Override
    public void after() {
        Path file = Path.of(System.getenv().getOrDefault("BENCH_OUTCOMES", "target/hashing-outcomes.properties"));
        String counts = "refused=" + REFUSED.get() + "\nbusy=" + BUSY.get() + "\nother=" + OTHER.get() + "\n";
        try {
            Files.writeString(file, counts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
