package io.accountoauth.it;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * What every answer to a bad request must be: no server error, no stack trace, no header broken by an echoed
 * CR or LF; and checks of each endpoint's own error format. Each check returns its problems (empty when
 * there are none), so that a test can report every problem of a batch at once.
 */
final class ResponseChecks {

    /** The name of the header that the tests try to smuggle in through CR/LF in a value. */
    static final String INJECTED = "X-Injected";
    /** CR/LF followed by a header: what a value may not be able to add to a response. */
    static final String CRLF_INJECTION = "\r\n" + INJECTED + ": yes";

    /** A frame of a Java stack trace, or an exception's class name. */
    private static final Pattern STACK_TRACE = Pattern.compile(
            "\\bat (io|java|javax|jakarta|org|com|sun|jdk)\\.[\\w$.]+\\(|Exception|Caused by:");
    /** RFC 6749 §5.2: error and error_description are %x20-21 / %x23-5B / %x5D-7E. */
    private static final Pattern ERROR_TEXT = Pattern.compile("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]*");
    private static final Pattern ERROR_CODE = Pattern.compile("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    private ResponseChecks() {
    }

    /** RFC 6749 §5.2: error_description is %x20-21 / %x23-5B / %x5D-7E only. */
    static boolean isErrorText(String text) {
        return ERROR_TEXT.matcher(text).matches();
    }

    /** No 5xx, no stack trace in the body, no header line with a CR or LF in it, no smuggled header. */
    static List<String> safe(RawHttp.Response response) {
        List<String> problems = new ArrayList<>();
        if (response.status() >= 500) {
            problems.add("server error " + response.statusLine());
        }
        if (STACK_TRACE.matcher(response.text()).find()) {
            problems.add("stack trace or exception name in the body");
        }
        for (String line : response.headerLines()) {
            if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
                problems.add("CR or LF inside a header: " + line.replace("\r", "\\r").replace("\n", "\\n"));
            }
            if (line.toLowerCase(Locale.ROOT).startsWith(INJECTED.toLowerCase(Locale.ROOT))) {
                problems.add("a header smuggled in: " + line);
            }
            if (line.indexOf(':') < 0) {
                problems.add("a header line without a name: " + line);
            }
        }
        return problems;
    }

    /** A 4xx that is an RFC 6749 §5.2 JSON error, with the RFC's characters only. */
    static List<String> jsonError(RawHttp.Response response) {
        List<String> problems = clientError(response);
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            problems.add("Content-Type is " + type + ", not application/json");
            return problems;
        }
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(response.text()))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            problems.add("the body is not a JSON object: " + response.text());
            return problems;
        }
        JsonValue error = json.get("error");
        if (!(error instanceof JsonString code) || !ERROR_CODE.matcher(code.getString()).matches()) {
            problems.add("no RFC 6749 error code: " + json);
        }
        JsonValue description = json.get("error_description");
        if (description != null && (!(description instanceof JsonString text)
                || !ERROR_TEXT.matcher(text.getString()).matches())) {
            problems.add("error_description outside %x20-21 / %x23-5B / %x5D-7E: " + description);
        }
        return problems;
    }

    /**
     * A JSON object whose {@code error} and {@code error_description}, when present, keep to the RFC's
     * characters (an RFC 6750 §3.1 answer to a request with no credentials has no error code).
     */
    static List<String> jsonBody(RawHttp.Response response) {
        List<String> problems = new ArrayList<>();
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(response.text()))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            problems.add("the body is not a JSON object: " + response.text());
            return problems;
        }
        for (String name : List.of("error", "error_description")) {
            JsonValue value = json.get(name);
            if (value != null && (!(value instanceof JsonString text) || !ERROR_CODE.matcher(text.getString()).matches())) {
                problems.add(name + " outside %x20-21 / %x23-5B / %x5D-7E: " + value);
            }
        }
        return problems;
    }

    /** A JSON error with exactly this status. */
    static List<String> jsonError(RawHttp.Response response, int status) {
        List<String> problems = jsonError(response);
        if (response.status() != status) {
            problems.add("status " + response.status() + ", expected " + status);
        }
        return problems;
    }

    /** An RFC 6750 §3 refusal: a Bearer challenge and a JSON body. */
    static List<String> bearerChallenge(RawHttp.Response response) {
        List<String> problems = clientError(response);
        String challenge = response.header("WWW-Authenticate");
        if (challenge == null || !challenge.startsWith("Bearer realm=\"account\"")) {
            problems.add("no Bearer challenge: " + challenge);
        }
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            problems.add("Content-Type is " + type + ", not application/json");
        }
        return problems;
    }

    /** The authorization endpoint's HTML error page: 400, no redirect. */
    static List<String> htmlErrorPage(RawHttp.Response response) {
        List<String> problems = new ArrayList<>();
        if (response.status() != 400) {
            problems.add("status " + response.status() + ", expected 400");
        }
        if (response.header("Location") != null) {
            problems.add("a redirect to " + response.header("Location"));
        }
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("text/html")) {
            problems.add("Content-Type is " + type + ", not text/html");
        }
        Document page = Jsoup.parse(response.text());
        if (page.selectFirst("main.error[data-status=400]") == null) {
            problems.add("not the error page: " + response.text());
        }
        return problems;
    }

    /** One of the customer's pages answering a 4xx, as HTML, with no redirect. */
    static List<String> htmlClientError(RawHttp.Response response) {
        List<String> problems = clientError(response);
        if (response.header("Location") != null) {
            problems.add("a redirect to " + response.header("Location"));
        }
        String type = response.header("Content-Type");
        if (response.body().length > 0 && (type == null || !type.contains("html"))) {
            problems.add("Content-Type is " + type + ", not HTML");
        }
        return problems;
    }

    /** Any 4xx. */
    static List<String> clientError(RawHttp.Response response) {
        List<String> problems = new ArrayList<>();
        if (response.status() < 400 || response.status() >= 500) {
            problems.add("status " + response.status() + ", expected a 4xx");
        }
        return problems;
    }
}
