package io.accountoauth.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Each path at its peak, beside the hello-world WAR: after a warm-up of everything, {@link #CONCURRENCY} virtual
 * users loop on one path for {@link #PHASE} seconds, one path after another, with a hello-world phase before the
 * first path and after each one ({@code hello 1}, {@code hello 2}, ...), so that each path's throughput is divided
 * by what the same server did for the trivial request just before and just after it. Users that need tokens get
 * them from a whole flow first ({@code setup ...}, not measured). The mixed phase is the load the sustained run
 * ({@link SustainedSimulation}) keeps up at 70% of its rate.
 */
public class PeakSimulation extends Simulation {

    static final int PHASE = Integer.parseInt(System.getenv().getOrDefault("BENCH_PHASE_SECONDS", "8"));
    static final int WARMUP = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP_SECONDS", "20"));
    static final int CONCURRENCY = Integer.parseInt(System.getenv().getOrDefault("BENCH_CONCURRENCY", "16"));

    /** The measured paths, in the order they run; each is a request name (or, for flows, a group name). */
    static final List<String> PATHS = List.of("balance", "metadata", "introspect", "refresh", "flow", "mixed");

    private static PopulationBuilder looping(String name, ChainBuilder setup, ChainBuilder body) {
        return scenario(name).exec(setup).during(Duration.ofSeconds(PHASE)).on(body)
                .injectOpen(atOnceUsers(CONCURRENCY));
    }

    private static PopulationBuilder phase(String path) {
        ChainBuilder setup = Bank.flow("setup ");
        return switch (path) {
            case "balance" -> looping(path, setup, Bank.balance("balance"));
            case "metadata" -> looping(path, Bank.hello("setup hello"), Bank.metadata("metadata"));
            case "introspect" -> looping(path, setup, Bank.introspect("introspect"));
            case "refresh" -> looping(path, setup, Bank.refresh("refresh"));
            case "flow" -> looping(path, Bank.hello("setup hello"),
                    group("flow").on(Bank.flow("flow ").exec(Bank.balance("flow balance"))));
            case "mixed" -> looping(path, Bank.hello("setup hello"), mixed("mixed "));
            default -> throw new IllegalArgumentException(path);
        };
    }

    /** A customer's flow, then the app's use of it: five balance calls and introspections, and a refresh. */
    static ChainBuilder mixed(String prefix) {
        return Bank.flow(prefix).repeat(5).on(Bank.balance(prefix + "balance").exec(Bank.introspect(prefix
                + "introspect"))).exec(Bank.refresh(prefix + "refresh"));
    }

    {
        PopulationBuilder warmup = scenario("warm-up").during(Duration.ofSeconds(WARMUP))
                .on(Bank.hello("warm-up hello").exec(Bank.metadata("warm-up metadata")).exec(mixed("warm-up ")))
                .injectOpen(atOnceUsers(CONCURRENCY));
        List<PopulationBuilder> sequence = new ArrayList<>();
        int hello = 1;
        sequence.add(helloPhase(hello++));
        for (String path : PATHS) {
            sequence.add(phase(path));
            sequence.add(helloPhase(hello++));
        }
        PopulationBuilder chain = warmup;
        for (PopulationBuilder next : sequence) {
            chain = chain.andThen(next);
        }
        setUp(chain).protocols(Bank.protocol());
    }

    private static PopulationBuilder helloPhase(int n) {
        String name = "hello " + n;
        return scenario(name).during(Duration.ofSeconds(PHASE)).on(Bank.hello(name))
                .injectOpen(atOnceUsers(CONCURRENCY));
    }
}
