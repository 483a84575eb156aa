package io.accountoauth.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Walks the customer's side of the flow as a browser would: keeps cookies, follows the bank's own
 * redirects, submits the Faces forms with their view state, and stops at the first redirect that leaves
 * the bank, so a test can read the code from it.
 */
final class Browser {

    private final URI base;
    /** The bank's servers; with more than one, each request goes to the next in turn. */
    private final List<URI> nodes;
    /** Every request's time limit, or null for none. */
    private final Duration timeout;
    private final HttpClient http;
    /** When not null, every request goes over a plain socket from a chosen local address instead. */
    private RawHttp fromAddress;
    private final CookieManager cookies = new CookieManager();
    private final List<String> trail = new ArrayList<>();
    private int next;

    Browser(URI base) {
        this(List.of(base), null);
    }

    /** A browser whose every request fails with an HttpTimeoutException when it gets no answer within the timeout. */
    Browser(URI base, Duration timeout) {
        this(List.of(base), timeout);
    }

    private Browser(List<URI> nodes, Duration timeout) {
        this(nodes, timeout, null);
    }

    private Browser(List<URI> nodes, Duration timeout, InetAddress source) {
        this.base = nodes.get(0);
        this.fromAddress = source == null ? null : new RawHttp(base, source);
        this.nodes = List.copyOf(nodes);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * A browser in front of several servers of one bank with no sticky sessions: each of its requests to the bank,
     * redirects and form posts included, goes to the next of these nodes in turn (the first to the first), whatever
     * node the link or form named. Its one cookie jar serves them all: cookies belong to a host, not a port, so
     * nodes on one host with different ports see the same cookies.
     */
    static Browser alternating(List<URI> nodes, Duration timeout) {
        return new Browser(nodes, timeout);
    }

    /**
     * A browser whose connections come from this local address (for instance {@code RawHttp.loopback(5)}), as
     * a customer elsewhere on the internet would: the server sees it as the client address.
     */
    static Browser from(URI base, InetAddress source) {
        return new Browser(List.of(base), null, source);
    }

    /** From now on this browser, with its cookies, connects from another local address. */
    void moveTo(InetAddress source) {
        if (fromAddress == null) {
            throw new IllegalStateException("Only a browser made with from(...) chooses its address");
        }
        fromAddress = new RawHttp(base, source);
    }

    /** Each request so far, as "METHOD path -> host:port status", in order. */
    List<String> trail() {
        return List.copyOf(trail);
    }

    /** A page as the browser holds it: where it came from and what it said. */
    record Page(URI uri, HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        Document document() {
            return Jsoup.parse(body(), uri.toString());
        }

        String location() {
            return response.headers().firstValue("Location").orElse(null);
        }
    }

    /** Opens the authorize endpoint with these query parameters, following the bank's redirects. */
    Page authorize(Map<String, String> query) {
        return open(base.resolve("account/authorize?" + form(query)));
    }

    /** Opens a URI and follows redirects while they stay on the bank's host. */
    Page open(URI uri) {
        Page page = send(HttpRequest.newBuilder(uri).GET());
        return followWithinBank(page);
    }

    /** Fills in the login form and submits it. */
    Page logIn(Page loginPage, String username, String password) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("login:username", username);
        fields.put("login:password", password);
        return submit(loginPage, "login", "login:signIn", fields);
    }

    /** Presses a button (Allow or Deny) on the consent page, leaving every permission ticked. */
    Page decide(Page consentPage, String button) {
        return submit(consentPage, "consent", "consent:" + button, Map.of());
    }

    /** Allows with only these permissions ticked ("info", "balance"). */
    Page allowOnly(Page consentPage, String... permissions) {
        return submit(consentPage, "consent", "consent:allow", Map.of(), List.of(permissions));
    }

    Page submit(Page page, String formId, String button, Map<String, String> fields) {
        return submit(page, formId, button, fields, null);
    }

    /**
     * Submits a form as a browser would: hidden fields, the given fields, the ticked checkboxes (by default
     * those the page ticked; {@code ticked} replaces them when not null), and the pressed button.
     */
    Page submit(Page page, String formId, String button, Map<String, String> fields, List<String> ticked) {
        Element form = page.document().getElementById(formId);
        if (form == null) {
            throw new AssertionError("No form " + formId + " on " + page.uri() + ":\n" + page.body());
        }
        List<Map.Entry<String, String>> values = new ArrayList<>();
        for (Element input : form.select("input[type=hidden]")) {
            values.add(Map.entry(input.attr("name"), input.attr("value")));
        }
        for (Element box : form.select("input[type=checkbox]")) {
            boolean on = ticked == null ? box.hasAttr("checked") : ticked.contains(box.attr("value"));
            if (on) {
                values.add(Map.entry(box.attr("name"), box.attr("value")));
            }
        }
        fields.forEach((name, value) -> values.add(Map.entry(name, value)));
        values.add(Map.entry(button, form.select("[name=\"" + button + "\"]").attr("value")));
        URI action = page.uri().resolve(form.attr("action"));
        Page answer = send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(values))));
        return followWithinBank(answer);
    }

    /** The value of a cookie the bank set, or null. */
    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** The Cookie header this browser sends the bank: every cookie the bank set, {@code name=value; name=value}. */
    String cookieHeader() {
        StringJoiner header = new StringJoiner("; ");
        cookies.getCookieStore().getCookies().forEach(c -> header.add(c.getName() + "=" + c.getValue()));
        return header.toString();
    }

    /** The form's fields as the page rendered them (hidden fields and ticked boxes), to post by hand. */
    static List<Map.Entry<String, String>> fieldsOf(Page page, String formId) {
        Element form = page.document().getElementById(formId);
        List<Map.Entry<String, String>> values = new ArrayList<>();
        for (Element input : form.select("input[type=hidden], input[type=checkbox][checked]")) {
            values.add(Map.entry(input.attr("name"), input.attr("value")));
        }
        return values;
    }

    /** Posts form fields to a URI, without following any redirect. */
    Page post(URI uri, List<Map.Entry<String, String>> values) {
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(values))));
    }

    /** Posts a form body exactly as given (it may be malformed), without following any redirect. */
    Page postRaw(URI uri, String body) {
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * The whole customer side: authorize, log in, and allow when the bank asks (it does not when a consent
     * already covers the request); returns the redirect to the app.
     */
    Page approve(Map<String, String> query, String username) {
        Page login = authorize(query);
        Page afterLogin = logIn(login, username, "any password");
        return allowIfAsked(afterLogin);
    }

    /** After logging in: presses Allow when the consent page is shown, else it is already the redirect. */
    Page allowIfAsked(Page afterLogin) {
        return afterLogin.location() != null ? afterLogin : decide(afterLogin, "allow");
    }

    /**
     * After logging in: presses Allow when the consent page is shown; otherwise returns the page as it is,
     * wherever the bank's redirects led (for the demo app, its own page on this host).
     */
    Page allowIfShown(Page afterLogin) {
        return afterLogin.document().getElementById("consent") == null ? afterLogin : decide(afterLogin, "allow");
    }

    /** Approves as the customer and returns the code the browser brings back to the app. */
    String code(Map<String, String> query, String username) {
        Page redirect = approve(query, username);
        String location = redirect.location();
        if (location == null) {
            throw new AssertionError("No redirect to the app: " + redirect.status() + "\n" + redirect.body());
        }
        String code = Queries.parse(URI.create(location).getRawQuery()).get("code");
        if (code == null) {
            throw new AssertionError("No code in " + location);
        }
        return code;
    }

    /** The sandbox app's code for this customer, with its registered redirect URI. */
    String sandboxCode(String username) {
        return code(Map.of("client_id", SandboxApp.CLIENT_ID, "redirect_uri", SandboxApp.REDIRECT_URI), username);
    }

    private Page followWithinBank(Page page) {
        Page current = page;
        for (int hops = 0; hops < 5; hops++) {
            String location = current.location();
            if (current.status() / 100 != 3 || location == null) {
                return current;
            }
            URI target = current.uri().resolve(location);
            if (!isBank(target)) {
                return current;
            }
            current = send(HttpRequest.newBuilder(target).GET());
        }
        throw new AssertionError("Too many redirects from " + page.uri());
    }

    private boolean isBank(URI uri) {
        return nodes.stream().anyMatch(node -> node.getRawAuthority().equals(uri.getRawAuthority()));
    }

    /** The request as sent: to the next node when the bank has several, with the time limit when there is one. */
    private HttpRequest route(HttpRequest request) {
        URI uri = request.uri();
        boolean rerouted = nodes.size() > 1 && isBank(uri);
        if (!rerouted && timeout == null) {
            return request;
        }
        HttpRequest.Builder copy = HttpRequest.newBuilder(request, (name, value) -> true);
        if (rerouted) {
            URI node = nodes.get(next++ % nodes.size());
            copy.uri(URI.create(node.getScheme() + "://" + node.getRawAuthority() + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
        }
        if (timeout != null) {
            copy.timeout(timeout);
        }
        return copy.build();
    }

    private Page send(HttpRequest.Builder request) {
        HttpRequest built = route(request.build());
        try {
            HttpResponse<String> response = fromAddress == null
                    ? http.send(built, HttpResponse.BodyHandlers.ofString())
                    : sendFromAddress(built);
            trail.add(built.method() + " " + built.uri().getRawPath() + " -> " + built.uri().getRawAuthority() + " "
                    + response.statusCode());
            return new Page(built.uri(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The request over {@link #fromAddress}, with this browser's cookies, as the HttpClient would send it. */
    private HttpResponse<String> sendFromAddress(HttpRequest request) throws IOException {
        URI uri = request.uri();
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RawHttp.Request raw = new RawHttp.Request(request.method(), target);
        request.headers().map().forEach((name, values) -> values.forEach(value -> raw.header(name, value)));
        cookies.get(uri, Map.of()).forEach((name, values) -> values.forEach(value -> raw.header(name, value)));
        request.bodyPublisher().ifPresent(publisher -> raw.body(null, bytesOf(publisher)));
        RawHttp.Response answer = fromAddress.send(raw);
        Map<String, List<String>> headers = answer.headerMap();
        cookies.put(uri, headers);
        HttpHeaders responseHeaders = HttpHeaders.of(headers, (name, value) -> true);
        String body = answer.text();
        return new HttpResponse<>() {
            public int statusCode() { return answer.status(); }
            public HttpRequest request() { return request; }
            public Optional<HttpResponse<String>> previousResponse() { return Optional.empty(); }
            public HttpHeaders headers() { return responseHeaders; }
            public String body() { return body; }
            public Optional<SSLSession> sslSession() { return Optional.empty(); }
            public URI uri() { return uri; }
            public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
        };
    }

    /** What a body publisher publishes, collected. */
    private static byte[] bytesOf(HttpRequest.BodyPublisher publisher) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        CompletableFuture<Void> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<ByteBuffer>() {
            public void onSubscribe(Flow.Subscription subscription) { subscription.request(Long.MAX_VALUE); }
            public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                out.writeBytes(bytes);
            }
            public void onError(Throwable throwable) { done.completeExceptionally(throwable); }
            public void onComplete() { done.complete(null); }
        });
        done.join();
        return out.toByteArray();
    }

    static String form(Map<String, String> values) {
        return form(List.copyOf(values.entrySet()));
    }

    static String form(List<Map.Entry<String, String>> values) {
        StringJoiner joined = new StringJoiner("&");
        values.forEach(v -> joined.add(URLEncoder.encode(v.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v.getValue(), StandardCharsets.UTF_8)));
        return joined.toString();
    }
}
