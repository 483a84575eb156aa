package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated malformed requests across every endpoint: odd methods, odd encodings in paths,
 * random, missing and repeated parameters, random bytes in values, random headers and Authorization schemes,
 * random content types and bodies. The generator is seeded (printed; {@code -Dfuzz.seed} replays a run), the
 * count and the time are bounded, and a few threads send over loopback. No answer may be a 5xx, carry a stack
 * trace or a header broken by CR/LF; and afterwards the server still completes a normal flow.
 */
class FuzzIT extends DeployedWar {

    static final long DEFAULT_SEED = 20_251_124L;
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 6000);
    static final int THREADS = 3;
    static final long TIME_LIMIT_SECONDS = 600;

    private static final String S = SandboxApp.CLIENT_ID;
    private static final String SECRET = SandboxApp.CLIENT_SECRET;

    private static final String[] METHODS = {"GET", "GET", "GET", "GET", "POST", "POST", "POST", "POST", "PUT",
        "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "get", "FOO", "PROPFIND"};
    private static final String[] ENDPOINTS = {"account/authorize", "account/access_token", "account/token",
        "account/introspect", "account/revoke", "account/register", "account/consents/{id}", "account/info",
        "account/balance", ".well-known/oauth-authorization-server", "login.xhtml", "consent.xhtml",
        "account/consents"};
    private static final String[] NAMES = {"client_id", "redirect_uri", "state", "code", "client_secret",
        "grant_type", "token", "token_type_hint", "refresh_token", "scope", "response_type", "code_challenge",
        "code_challenge_method", "code_verifier", "prompt", "request", "id", "access_token",
        "jakarta.faces.ViewState", "_csrf", "login:username", "login:password", "login:signIn", "consent:allow",
        "client_name", "redirect_uris"};
    private static final String[] PLAUSIBLE = {S, SECRET, enc(SandboxApp.REDIRECT_URI),
        enc("http://localhost:9000/cb"), "authorization_code", "refresh_token", "read", "info+balance", "S256",
        "code", "consent", "dave", "pw", "other-app", "public-app", "none", "Log+in", "1%3A2", "-1%3A-2"};
    private static final String[] INJECTIONS = {"%0D%0A" + ResponseChecks.INJECTED + "%3A%20yes", "%00", "%0A",
        "%0D", "x%0D%0A%0D%0A<html>", "%E5%98%8A%E5%98%8D" + ResponseChecks.INJECTED + ":%20yes"};
    private static final String[] MARKUP = {enc("<script>alert(1)</script>"),
        enc("\"><img src=x onerror=alert(1)>"), enc("'; DROP TABLE client; --"), enc("${7*7}#{7*7}"),
        enc("../../../../etc/passwd"), enc("{\"a\":[1,2]}")};
    private static final String[] ODD = {"%", "%G1", "%%", "+", "%2", "%u002e", "%C0%AE%C0%AE", "%E0%80%AE",
        "%F4%90%80%80", "%ED%A0%80", "%FF%FE", "%EF%BB%BF", enc("\u00fc\u20ac\ud83d\ude00"), "a=b=c", "&&&", "=="};
    private static final String[] PATH_TAILS = {"/", "//", "/.", "/..", "/%2e%2e/", "%2F", "%2f..%2f",
        ";jsessionid=abc", ";a=b", "%00", "%FF", "%C0%AE", "/x", "?", "%20", "%09", "%252e%252e", ".json",
        "/%2e/", "%5c", "~", "%7e"};
    private static final String[] CONTENT_TYPES = {"application/x-www-form-urlencoded", "application/json",
        "text/plain", "multipart/form-data; boundary=x", "application/xml", ";;;", "/",
        "application/x-www-form-urlencoded; charset=bogus", "application/json; charset=utf-16",
        "application/x-www-form-urlencoded; charset=ISO-8859-1", "*/*", "", "application/json; charset=\"a b\"",
        "APPLICATION/JSON", "application/x-www-form-urlencoded;;charset=utf-8", "text/html"};
    private static final String[] ACCEPTS = {"*/*", "application/json", "text/html", "garbage", "/",
        "application/json;q=x", "text/*;q=0", "image/png"};

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @Test
    void whenThousandsOfMalformedRequestsArriveThenNoneGetsA5xxOrAStackTraceAndTheFlowStillWorks()
            throws InterruptedException {
        URI root = server();
        RawHttp raw = new RawHttp(root);
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        System.out.printf("[FuzzIT] seed %d (replay with -Dfuzz.seed=%d), %d requests, %d threads%n",
                seed, seed, REQUESTS, THREADS);
        Generator generator = new Generator(new Random(seed), root.getPath(), raw.authority());
        List<RawHttp.Request> requests = new ArrayList<>(REQUESTS);
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(generator.next());
        }

        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        AtomicInteger unanswered = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int i = 0; i < requests.size(); i++) {
            int index = i;
            RawHttp.Request request = requests.get(i);
            pool.execute(() -> {
                try {
                    RawHttp.Response response = raw.send(request);
                    statuses.computeIfAbsent(response.status(), s -> new AtomicInteger()).incrementAndGet();
                    List<String> problems = ResponseChecks.safe(response);
                    if (!problems.isEmpty()) {
                        failures.add("#" + index + " " + request.describe() + ": " + problems + "\n" + response);
                        keep(index, raw.bytes(request));
                    }
                } catch (RuntimeException e) {
                    if (hasCause(e, SocketTimeoutException.class)) {
                        failures.add("#" + index + " " + request.describe() + ": no answer within "
                                + RawHttp.TIMEOUT_MILLIS + " ms");
                    } else {
                        // The connection closed without an answer: not an error the client can see as one
                        unanswered.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        boolean finished = pool.awaitTermination(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
        pool.shutdownNow();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("[FuzzIT] %d requests in %d ms; statuses %s; closed without an answer: %d; failures: %d%n",
                requests.size(), millis, new TreeMap<>(statuses), unanswered.get(), failures.size());
        assertTrue(finished, "the fuzz run did not finish within " + TIME_LIMIT_SECONDS + " s");
        assertTrue(failures.isEmpty(), () -> failures.size() + " bad answers (seed " + seed + "), the first:\n"
                + String.join("\n\n", failures.stream().limit(15).toList()));

        // Afterwards the server still serves a normal flow: authorize, log in, consent, token, balance.
        Api api = new Api(root);
        api.advanceClock(7200);
        Browser browser = new Browser(root);
        String code = browser.code(Map.of("client_id", S, "redirect_uri", SandboxApp.REDIRECT_URI,
                "state", "after-fuzz", "prompt", "consent"), "dave");
        TokenEndpoints.Tokens tokens = TokenEndpoints.tokens(api.postWithBasic(TokenEndpoints.TOKEN,
                TokenCalls.form("grant_type", "authorization_code", "code", code,
                        "redirect_uri", SandboxApp.REDIRECT_URI), S, SECRET));
        HttpResponse<String> balance = api.withBearer("account/balance", tokens.accessToken());
        assertEquals(200, balance.statusCode(), balance.body());
        assertEquals("10,187.91", Api.json(balance).getString("account_balance"));
    }

    /** A failing request, byte for byte, to replay by hand: target/fuzz-failures/N.http. */
    private static void keep(int index, byte[] request) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "fuzz-failures");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve(index + ".http"), request);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Makes the requests, all from one seeded random source, in order. */
    static final class Generator {

        private final Random random;
        private final String prefix;
        private final String authority;

        Generator(Random random, String prefix, String authority) {
            this.random = random;
            this.prefix = prefix;
            this.authority = authority;
        }

        RawHttp.Request next() {
            String method = pick(METHODS);
            ByteArrayOutputStream target = new ByteArrayOutputStream();
            write(target, prefix + path());
            if (chance(5)) {
                // A raw byte that is not ASCII in the request target
                target.write(0x80 + random.nextInt(0x80));
            }
            List<String> parameters = parameters();
            boolean inBody = !parameters.isEmpty() && !method.equals("GET") && !method.equals("HEAD") && chance(60);
            if (!parameters.isEmpty() && !inBody) {
                write(target, (chance(90) ? "?" : "?&") + String.join("&", parameters));
            } else if (chance(20)) {
                write(target, "?" + String.join("&", parameters()));
            }
            RawHttp.Request request = new RawHttp.Request(method, target.toByteArray());
            headers(request);
            if (inBody) {
                body(request, String.join("&", parameters).getBytes(StandardCharsets.ISO_8859_1));
            } else if (!method.equals("GET") && !method.equals("HEAD") && chance(50)) {
                body(request, randomBody());
            } else if (chance(3)) {
                body(request, randomBody());
            }
            return request;
        }

        private String path() {
            String path = pick(ENDPOINTS).replace("{id}", chance(50) ? token(random.nextInt(40) + 1) : value());
            if (chance(30)) {
                String tail = pick(PATH_TAILS);
                path = chance(50) ? path + tail : path.replaceFirst("/", tail.startsWith("/") ? tail : "/" + tail);
            }
            if (chance(5)) {
                path = path.toUpperCase(java.util.Locale.ROOT);
            }
            if (chance(3)) {
                path = "/" + path;
            }
            return path.replace(" ", "%20");
        }

        private List<String> parameters() {
            List<String> parameters = new ArrayList<>();
            int count = random.nextInt(9);
            for (int i = 0; i < count; i++) {
                if (!parameters.isEmpty() && chance(15)) {
                    parameters.add(parameters.get(random.nextInt(parameters.size())));
                    continue;
                }
                String name = chance(90) ? pick(NAMES) : value();
                parameters.add(chance(5) ? name : name + "=" + value());
            }
            return parameters;
        }

        /** A parameter value, already percent-encoded as it goes on the wire. */
        private String value() {
            switch (random.nextInt(11)) {
                case 0, 1:
                    return pick(PLAUSIBLE);
                case 2:
                    return enc(printable(random.nextInt(40)));
                case 3: {
                    StringBuilder bytes = new StringBuilder();
                    for (int i = random.nextInt(30) + 1; i > 0; i--) {
                        bytes.append(String.format("%%%02X", random.nextInt(256)));
                    }
                    return bytes.toString();
                }
                case 4:
                    return pick(PLAUSIBLE) + pick(INJECTIONS);
                case 5:
                    return pick(MARKUP);
                case 6:
                    return "v".repeat(chance(90) ? random.nextInt(3000) : 9000 + random.nextInt(3000));
                case 7:
                    return "";
                case 8:
                    return pick(ODD);
                case 9:
                    return token(random.nextInt(60));
                default:
                    return pick(PLAUSIBLE) + pick(ODD);
            }
        }

        private void headers(RawHttp.Request request) {
            if (chance(60)) {
                request.header("Authorization", authorization());
                if (chance(5)) {
                    request.header("Authorization", authorization());
                }
            }
            if (chance(30)) {
                request.header("Accept", pick(ACCEPTS));
            }
            if (chance(20)) {
                request.header("Cookie", chance(50) ? "JSESSIONID=" + token(30) : printable(20));
            }
            if (chance(10)) {
                request.header("X-Fuzz-" + random.nextInt(100), printable(random.nextInt(200)));
            }
            if (chance(3)) {
                request.header("X-Padding", "p".repeat(9000 + random.nextInt(60_000)));
            }
            if (chance(3)) {
                // Bytes a header value should not hold (never CR or LF, which would end the line on the wire)
                byte[] controls = {0x00, 0x01, 0x07, 0x09, 0x1b, 0x7f};
                request.header("X-Bytes", new byte[] {(byte) (0x80 + random.nextInt(0x80)), 'a',
                    controls[random.nextInt(controls.length)]});
            }
            if (chance(4)) {
                request.withoutHost();
                if (chance(50)) {
                    request.header("Host", pick(new String[] {"evil.example", "[::1]", "127.0.0.1:1", "",
                        "a\"b<c>", authority + "@evil.example", "localhost:" + random.nextInt(70_000)}));
                }
            }
        }

        private String authorization() {
            switch (random.nextInt(9)) {
                case 0:
                    return "Bearer " + token(random.nextInt(80));
                case 1:
                    return "Bearer " + printable(random.nextInt(40));
                case 2:
                    return "Basic " + base64((chance(50) ? S : printable(10)) + ":"
                            + (chance(30) ? SECRET : printable(random.nextInt(50))));
                case 3:
                    return "Basic " + printable(random.nextInt(30));
                case 4:
                    return pick(new String[] {"Bearer", "Basic", "bearer ", "BEARER  x", "Digest username=\"a\"",
                        "Negotiate YII=", "Token abc", "OAuth oauth_token=\"x\"", ""});
                case 5:
                    return "Basic " + base64(printable(random.nextInt(40)));
                case 6:
                    return "Basic " + base64(enc(S) + ":" + enc(printable(20)));
                case 7:
                    return printable(random.nextInt(60));
                default:
                    return "Bearer " + token(43);
            }
        }

        private void body(RawHttp.Request request, byte[] body) {
            if (chance(85)) {
                request.header("Content-Type", pick(CONTENT_TYPES));
            }
            request.body(null, body);
        }

        private byte[] randomBody() {
            switch (random.nextInt(7)) {
                case 0:
                    return ("{\"client_name\":\"" + printable(random.nextInt(30)).replace("\\", "").replace("\"", "")
                            + "\",\"redirect_uris\":[\"" + pick(new String[] {"https://app.example/cb",
                                "http://127.0.0.1/cb", "javascript:alert(1)", "http://x/#", ""}) + "\"]"
                            + (chance(50) ? ",\"token_endpoint_auth_method\":\"" + pick(new String[] {"none",
                                "client_secret_post", "x"}) + "\"" : "") + "}").getBytes(StandardCharsets.UTF_8);
                case 1: {
                    int depth = random.nextInt(3000);
                    return ("[".repeat(depth) + "]".repeat(chance(80) ? depth : 0)).getBytes(StandardCharsets.UTF_8);
                }
                case 2: {
                    byte[] bytes = new byte[random.nextInt(2000)];
                    random.nextBytes(bytes);
                    return bytes;
                }
                case 3:
                    return ("{\"client_name\":\"" + "n".repeat(random.nextInt(30_000)) + "\"}")
                            .getBytes(StandardCharsets.UTF_8);
                case 4:
                    return pick(new String[] {"{", "}", "[]", "null", "\"x\"", "{\"a\":}", "{\"client_name\":1}",
                        "{\"redirect_uris\":\"x\"}", "{\"client_name\":\"\\u0000\\r\\n\"}"})
                            .getBytes(StandardCharsets.UTF_8);
                case 5:
                    return new byte[0];
                default:
                    return String.join("&", parameters()).getBytes(StandardCharsets.ISO_8859_1);
            }
        }

        private String token(int length) {
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/=";
            StringBuilder token = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                token.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return token.toString();
        }

        /** Printable ASCII (no CR or LF, which would end the header line on the wire). */
        private String printable(int length) {
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append((char) (0x20 + random.nextInt(0x5f)));
            }
            return text.toString();
        }

        private String base64(String text) {
            return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        private boolean chance(int percent) {
            return random.nextInt(100) < percent;
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }

        private static void write(ByteArrayOutputStream out, String text) {
            out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
