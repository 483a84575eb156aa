package io.accountoauth.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.holdFor;
import static io.gatling.javaapi.core.CoreDsl.reachRps;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.time.Duration;

/**
 * The mixed load of {@link PeakSimulation} (flows, balance calls, introspections, refreshes) held at
 * {@code BENCH_SUSTAINED_RPS} requests per second, 70% of the peak the run script measured, for
 * {@code BENCH_SUSTAINED_SECONDS} (five minutes by default). Four times the peak run's users, most of them waiting
 * in flows at any moment, so that the throttle, not the number of users, sets the rate.
 */
public class SustainedSimulation extends io.gatling.javaapi.core.Simulation {

    static final int SECONDS = Integer.parseInt(System.getenv().getOrDefault("BENCH_SUSTAINED_SECONDS", "300"));
    static final int RPS = Integer.parseInt(System.getenv().getOrDefault("BENCH_SUSTAINED_RPS", "100"));

    {
        setUp(scenario("sustained").forever().on(PeakSimulation.mixed("sustained "))
                .injectOpen(atOnceUsers(4 * PeakSimulation.CONCURRENCY)))
                .protocols(Bank.protocol())
                .throttle(reachRps(RPS).in(Duration.ofSeconds(5)), holdFor(Duration.ofSeconds(SECONDS)))
                .maxDuration(Duration.ofSeconds(SECONDS + 5));
    }
}
