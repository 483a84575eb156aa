package io.accountoauth.bench;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Makes the benchmark's report from Gatling's statistics of the peak and sustained runs and the figures the run
 * script measured itself (start-up, memory, heap): {@code figures.csv} and {@code report.md}, each figure with its
 * latency percentiles, errors, its ratio to the hello-world WAR measured in the same run, and its goal, met or not.
 *
 * <p>Arguments: the peak run's Gatling folder, the sustained run's (or {@code -}), the script's properties file, the
 * folder to write to. With {@code rate}, the peak run's folder and the properties file, it prints the mixed load's
 * peak rate instead.
 */
public final class Report {

    private record Stats(long count, long errors, long p50, long p95, long p99, long max) {
    }

    private record Figure(String name, String value, Stats stats, Double ratio, String goal, Boolean met) {
    }

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("hashing")) {
            hashing(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            return;
        }
        if (args[0].equals("rate")) {
            // The mixed load's peak rate, in requests per second, for the sustained run.
            Properties measured = properties(Path.of(args[2]));
            double phase = Double.parseDouble(measured.getProperty("phase.seconds"));
            System.out.println(Math.round(mixedCount(stats(Path.of(args[1])), "mixed ") / phase));
            return;
        }
        Map<String, Stats> peak = stats(Path.of(args[0]));
        Map<String, Stats> sustained = args[1].equals("-") ? Map.of() : stats(Path.of(args[1]));
        Properties measured = properties(Path.of(args[2]));
        Path out = Path.of(args[3]);
        double phase = Double.parseDouble(measured.getProperty("phase.seconds"));

        List<Figure> figures = new ArrayList<>();
        // Each path ran between two hello-world phases: its ratio is to their mean.
        List<String> paths = PeakSimulation.PATHS;
        Map<String, Double> helloAround = new HashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            double before = peak.get("hello " + (i + 1)).count() / phase;
            double after = peak.get("hello " + (i + 2)).count() / phase;
            helloAround.put(paths.get(i), (before + after) / 2);
        }
        for (int i = 1; i <= paths.size() + 1; i++) {
            Stats hello = peak.get("hello " + i);
            figures.add(new Figure("hello-world WAR, phase " + i, rate(hello.count() / phase, "req/s"), hello, null,
                    "", null));
        }
        figures.add(throughput("GET /account/balance", peak.get("balance"), phase, helloAround.get("balance"), 0.90));
        figures.add(throughput("GET /.well-known/oauth-authorization-server", peak.get("metadata"), phase,
                helloAround.get("metadata"), 0.90));
        figures.add(throughput("POST /account/token (refresh grant, closed loop)", peak.get("refresh"), phase,
                helloAround.get("refresh"), 0.50));
        figures.add(throughput("POST /account/introspect", peak.get("introspect"), phase,
                helloAround.get("introspect"), 0.80));
        Stats flows = peak.get("flow");
        double flowRate = flows.count() / phase;
        double flowRatio = flowRate / helloAround.get("flow");
        figures.add(new Figure("whole flows (authorize ... consent, code, token, balance)", rate(flowRate, "flows/s"),
                flows, flowRatio, ">= 0.10 flows per hello req", flowRatio >= 0.10));
        figures.add(new Figure("  code exchange inside the flows (POST /account/token)",
                rate(peak.get("flow token").count() / phase, "req/s"), peak.get("flow token"), null, "", null));
        Stats mixed = peak.get("mixed");
        figures.add(new Figure("mixed load at its peak (flow, 5 x balance and introspection, refresh)",
                rate(mixedCount(peak, "mixed ") / phase, "req/s"), mixed, null, "", null));

        double startRatio = ratio(measured, "startup.bank.ms", "startup.hello.ms");
        figures.add(new Figure("start-up to the first /account/authorize (hello alone: "
                + measured.getProperty("startup.hello.ms") + " ms)", measured.getProperty("startup.bank.ms") + " ms",
                null, startRatio, "<= 1.15", startRatio <= 1.15));
        double rssRatio = ratio(measured, "rss.bank.kb", "rss.hello.kb");
        figures.add(new Figure("resident memory after the load (hello alone: "
                + mb(measured.getProperty("rss.hello.kb")) + ")", mb(measured.getProperty("rss.bank.kb")), null,
                rssRatio, "<= 1.25", rssRatio <= 1.25));

        if (!sustained.isEmpty()) {
            Stats all = sustained.get("All Requests");
            String seconds = measured.getProperty("sustained.seconds");
            double rate = all.count() / Double.parseDouble(seconds);
            figures.add(new Figure("sustained mixed load, " + seconds + " s at " + measured.getProperty(
                    "sustained.rps") + " req/s (70% of the peak)", rate(rate, "req/s"), all, null,
                    "no errors, no request over 2 s", all.errors() == 0 && all.max() < 2000));
            double heap = ratio(measured, "heap.after.kb", "heap.before.kb");
            figures.add(new Figure("heap after a full GC, after the sustained load (before: "
                    + mb(measured.getProperty("heap.before.kb")) + ")", mb(measured.getProperty("heap.after.kb")),
                    null, heap, "<= 1.10", heap <= 1.10));
        }
        write(out, figures, measured);
        Files.writeString(out.resolve("report.md"), "\nGatling's charts: `" + Path.of(args[0]).resolve("index.html")
                + "`" + (args[1].equals("-") ? "" : ", `" + Path.of(args[1]).resolve("index.html") + "`") + ".\n",
                java.nio.file.StandardOpenOption.APPEND);
    }

    /**
     * The hashing run ({@link HashingSimulation}): the balance's latency alone and while production-mode logins are
     * hammered, and what the guesses got; {@code hashing.md} and {@code hashing.csv}.
     */
    private static void hashing(Path run, Path outcomesFile, Path out) throws IOException {
        Map<String, Stats> stats = stats(run);
        Properties outcomes = properties(outcomesFile);
        Stats alone = stats.get("balance alone");
        Stats loaded = stats.get("balance while hashing");
        Stats guesses = stats.get("guess login");
        double seconds = HashingSimulation.PHASE;
        StringBuilder md = new StringBuilder("# Benchmark: the API while production-mode logins are hammered\n\n");
        md.append(HashingSimulation.PROBES).append(" users call `GET /account/balance` with a ")
                .append(HashingSimulation.PAUSE.toMillis()).append(" ms pause, ").append((long) seconds)
                .append(" s alone, then ").append((long) seconds).append(" s while ").append(HashingSimulation.GUESSERS)
                .append(" users post logins for unknown users to the production-mode bank on the same server, each ")
                .append("from an address of its own (a full PBKDF2 hash each, unless the hashing gate says busy).\n\n");
        md.append("| figure | requests | p50 | p95 | p99 | max | errors | goal | met |\n|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder csv = new StringBuilder("figure,requests,p50_ms,p95_ms,p99_ms,max_ms,errors,goal,met\n");
        boolean met = loaded.p99() < 50 && loaded.errors() == 0;
        row(md, csv, "GET /account/balance alone", alone, "", null);
        row(md, csv, "GET /account/balance while " + HashingSimulation.GUESSERS + " users hammer logins", loaded,
                "p99 < 50 ms, no errors", met);
        row(md, csv, "production-mode logins of unknown users", guesses, "", null);
        md.append(String.format(Locale.ROOT, "%nThe guesses: %.1f a second; %s refused after their hash, %s answered busy "
                + "without one, %s otherwise. p99 while hashing against p99 alone: %.2f.%n",
                guesses.count() / seconds, outcomes.getProperty("refused"), outcomes.getProperty("busy"),
                outcomes.getProperty("other"), (double) loaded.p99() / Math.max(1, alone.p99())));
        md.append("\nGatling's charts: `").append(run.resolve("index.html")).append("`.\n");
        Files.createDirectories(out);
        Files.writeString(out.resolve("hashing.md"), md);
        Files.writeString(out.resolve("hashing.csv"), csv);
        System.out.print(md);
    }

    private static void row(StringBuilder md, StringBuilder csv, String name, Stats s, String goal, Boolean met) {
        md.append("| ").append(name).append(" | ").append(s.count()).append(" | ").append(s.p50()).append(" ms | ")
                .append(s.p95()).append(" ms | ").append(s.p99()).append(" ms | ").append(s.max()).append(" ms | ")
                .append(s.errors()).append(" | ").append(goal).append(" | ")
                .append(met == null ? "" : met ? "met" : "**not met**").append(" |\n");
        csv.append(String.join(",", quote(name), Long.toString(s.count()), Long.toString(s.p50()),
                Long.toString(s.p95()), Long.toString(s.p99()), Long.toString(s.max()), Long.toString(s.errors()),
                quote(goal), met == null ? "" : met.toString())).append('\n');
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    /** Every request of the mixed phase: the flow's and the app's. */
    private static double mixedCount(Map<String, Stats> stats, String prefix) {
        return stats.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue().count()).sum();
    }

    private static Figure throughput(String name, Stats stats, double phase, double hello, double goal) {
        double rate = stats.count() / phase;
        double ratio = rate / hello;
        return new Figure(name, rate(rate, "req/s"), stats, ratio, ">= " + goal, ratio >= goal);
    }

    private static double ratio(Properties measured, String key, String base) {
        return Double.parseDouble(measured.getProperty(key)) / Double.parseDouble(measured.getProperty(base));
    }

    private static String rate(double rate, String unit) {
        return String.format(Locale.ROOT, "%.1f %s", rate, unit);
    }

    private static String mb(String kilobytes) {
        return String.format(Locale.ROOT, "%.0f MB", Double.parseDouble(kilobytes) / 1024);
    }

    private static void write(Path out, List<Figure> figures, Properties measured) throws IOException {
        StringBuilder csv = new StringBuilder("figure,value,p50_ms,p95_ms,p99_ms,max_ms,requests,errors,ratio,goal,met\n");
        StringBuilder md = new StringBuilder("# Benchmark\n\n");
        md.append("Machine: ").append(measured.getProperty("machine.cores")).append(" cores, ")
                .append(mb(measured.getProperty("machine.memory.kb"))).append(" of memory, Java ")
                .append(measured.getProperty("java.version")).append(", Payara Micro ")
                .append(measured.getProperty("payara.version")).append(". Load from Gatling on the same machine, ")
                .append(measured.getProperty("concurrency")).append(" virtual users, ")
                .append(measured.getProperty("phase.seconds")).append(" s a phase; each ratio is to the hello-world ")
                .append("WAR on the same server in the phases just before and after.\n\n");
        md.append("| figure | value | p50 | p95 | p99 | errors | ratio | goal | met |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            Stats s = f.stats();
            String ratio = f.ratio() == null ? ""
                    : String.format(Locale.ROOT, f.ratio() < 0.1 ? "%.4f" : "%.2f", f.ratio());
            String met = f.met() == null ? "" : f.met() ? "met" : "**not met**";
            csv.append(String.join(",", quote(f.name()), quote(f.value()),
                    s == null ? "" : Long.toString(s.p50()), s == null ? "" : Long.toString(s.p95()),
                    s == null ? "" : Long.toString(s.p99()), s == null ? "" : Long.toString(s.max()),
                    s == null ? "" : Long.toString(s.count()), s == null ? "" : Long.toString(s.errors()), ratio,
                    quote(f.goal()), f.met() == null ? "" : f.met().toString())).append('\n');
            md.append("| ").append(f.name()).append(" | ").append(f.value()).append(" | ")
                    .append(s == null ? "" : s.p50() + " ms").append(" | ")
                    .append(s == null ? "" : s.p95() + " ms").append(" | ")
                    .append(s == null ? "" : s.p99() + " ms").append(" | ")
                    .append(s == null ? "" : Long.toString(s.errors())).append(" | ").append(ratio).append(" | ")
                    .append(f.goal()).append(" | ").append(met).append(" |\n");
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("figures.csv"), csv);
        Files.writeString(out.resolve("report.md"), md);
        System.out.print(md);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** Every request and group of a Gatling run by name, from its report's {@code js/stats.js}. */
    static Map<String, Stats> stats(Path run) throws IOException {
        String script = Files.readString(run.resolve("js/stats.js"));
        int start = script.indexOf('{');
        int depth = 0;
        int end = start;
        for (; end < script.length(); end++) {
            char c = script.charAt(end);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth == 0) {
                break;
            }
        }
        JsonMapper mapper = JsonMapper.builder().enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES).build();
        Map<String, Stats> byName = new HashMap<>();
        collect(mapper.readTree(script.substring(start, end + 1)), byName);
        return byName;
    }

    private static void collect(JsonNode node, Map<String, Stats> byName) {
        JsonNode stats = node.get("stats");
        byName.put(node.get("name").asText(), new Stats(number(stats, "numberOfRequests", "total"),
                number(stats, "numberOfRequests", "ko"), number(stats, "percentiles1", "total"),
                number(stats, "percentiles3", "total"), number(stats, "percentiles4", "total"),
                number(stats, "maxResponseTime", "total")));
        JsonNode contents = node.get("contents");
        if (contents != null) {
            contents.forEach(child -> collect(child, byName));
        }
    }

    private static long number(JsonNode stats, String field, String which) {
        String text = stats.get(field).get(which).asText();
        return text.equals("-") ? 0 : Long.parseLong(text);
    }
}
