package io.accountoauth.it;

import static io.accountoauth.it.ResponseChecks.INJECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input at every endpoint, one test per endpoint and kind: oversized parameters and headers, bytes that are
 * not UTF-8, NUL and CR/LF in parameters, wrong methods and wrong content types. Each gets a 4xx in the
 * endpoint's own error format where the application answers (RFC 6749 §5.2 JSON, the Bearer challenge, the
 * authorization endpoint's HTML page or its error redirect, the customer pages' HTML), or the container's own
 * 4xx where it refuses the request before the application; never a 5xx, a stack trace or a header broken by
 * an echoed CR/LF.
 */
class BadInputIT extends DeployedWar {

    private static final String S = SandboxApp.CLIENT_ID;
    private static final String SECRET = SandboxApp.CLIENT_SECRET;
    private static final String R = SandboxApp.REDIRECT_URI;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    /** Over every limit the container sets on a request line or header. */
    private static final String HUGE = "a".repeat(100 * 1024);
    /** Long, but within what the container accepts, so that the application answers. */
    private static final String LONG = "a".repeat(4 * 1024);
    private static final String HEADER_64K = "h".repeat(64 * 1024);
    private static final String NUL = "%00";
    private static final String CRLF = "%0D%0A" + INJECTED + "%3A%20yes";
    private static final String NOT_UTF8 = "%FF%FE";
    /** A byte as it stands in the request line (0x93), not percent-encoded: no UTF-8 sequence starts with it. */
    private static final String RAW_NOT_UTF8 = "\u0093";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    URI root;
    RawHttp raw;

    @BeforeEach
    void setUp() {
        root = server();
        raw = new RawHttp(root);
        api = new Api(root);
        // Two quiet hours: no throttle or registration allowance carries over from the case before.
        api.advanceClock(7200);
    }

    // ---------------------------------------------------------------- the cases

    /** One bad request, what it is called, and the answer it must get. */
    record Case(String name, Function<BadInputIT, RawHttp.Request> request, Expect expect) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** The answer's own checks, beyond the safety checks every answer gets. */
    interface Expect {
        List<String> check(RawHttp.Response response);
    }

    static Stream<Case> authorizeCases() {
        String ok = "account/authorize?client_id=" + S + "&redirect_uri=" + enc(R);
        return Stream.of(
                c("100 KB state (container)", t -> t.get(ok + "&state=" + HUGE), container()),
                c("100 KB client_id (container)", t -> t.get("account/authorize?redirect_uri=" + enc(R)
                        + "&client_id=" + HUGE), container()),
                c("4 KB client_id", t -> t.get("account/authorize?redirect_uri=" + enc(R) + "&client_id=" + LONG),
                        errorPage()),
                c("4 KB redirect_uri", t -> t.get("account/authorize?client_id=" + S + "&redirect_uri="
                        + enc("http://localhost:9000/" + LONG)), errorPage()),
                c("64 KB header (container)", t -> t.get(ok).header("X-Padding", HEADER_64K), container()),
                c("non-UTF-8 client_id", t -> t.get("account/authorize?redirect_uri=" + enc(R) + "&client_id="
                        + NOT_UTF8), errorPage()),
                c("non-UTF-8 redirect_uri", t -> t.get("account/authorize?client_id=" + S + "&redirect_uri="
                        + enc(R) + NOT_UTF8), errorPage()),
                c("a raw byte that is not UTF-8 in client_id", t -> t.get("account/authorize?redirect_uri=" + enc(R)
                        + "&client_id=" + S + RAW_NOT_UTF8), errorPage()),
                c("non-UTF-8 scope", t -> t.get(ok + "&scope=" + NOT_UTF8), errorRedirect("invalid_scope")),
                c("NUL in client_id", t -> t.get("account/authorize?redirect_uri=" + enc(R) + "&client_id=" + S
                        + NUL), errorPage()),
                c("CR/LF in client_id", t -> t.get("account/authorize?redirect_uri=" + enc(R) + "&client_id=" + S
                        + CRLF), errorPage()),
                c("NUL in redirect_uri", t -> t.get("account/authorize?client_id=" + S + "&redirect_uri="
                        + enc(R) + NUL), errorPage()),
                c("CR/LF in redirect_uri", t -> t.get("account/authorize?client_id=" + S + "&redirect_uri="
                        + enc(R) + CRLF), errorPage()),
                c("NUL in scope", t -> t.get(ok + "&scope=read" + NUL), errorRedirect("invalid_scope")),
                c("CR/LF in scope", t -> t.get(ok + "&scope=read" + CRLF), errorRedirect("invalid_scope")),
                c("CR/LF in response_type", t -> t.get(ok + "&response_type=code" + CRLF),
                        errorRedirect("unsupported_response_type")),
                c("CR/LF in code_challenge", t -> t.get(ok + "&code_challenge_method=S256&code_challenge="
                        + "a".repeat(43) + CRLF), errorRedirect("invalid_request")),
                c("repeated state", t -> t.get(ok + "&state=a&state=b"), errorRedirect("invalid_request")),
                // state is opaque to the server (RFC 6749 §4.1.1): it is kept and goes back percent-encoded
                c("NUL in state (kept, encoded)", t -> t.get(ok + "&state=s" + NUL), bankLogin()),
                c("CR/LF in state (kept, encoded)", t -> t.get(ok + "&state=s" + CRLF), bankLogin()),
                c("non-UTF-8 state (kept, encoded)", t -> t.get(ok + "&state=" + NOT_UTF8), bankLogin()),
                c("PUT", t -> t.request("PUT", ok).body(FORM, ""), json(405)),
                c("DELETE", t -> t.request("DELETE", ok), json(405)),
                c("PATCH", t -> t.request("PATCH", ok).body(JSON, "{}"), json(405)),
                c("POST form", t -> t.request("POST", "account/authorize").body(FORM, "client_id=" + S), json(405)),
                c("POST text/plain", t -> t.request("POST", ok).body("text/plain", "x"), json(405)));
    }

    static Stream<Case> accessTokenCases() {
        String creds = "&client_id=" + S + "&client_secret=" + SECRET;
        return Stream.of(
                c("100 KB client_id (container)", t -> t.get("account/access_token?code=x&client_secret=x&client_id="
                        + HUGE), container()),
                c("4 KB code", t -> t.get("account/access_token?code=" + LONG + creds), json(400)),
                c("4 KB client_secret", t -> t.get("account/access_token?code=x&client_id=" + S + "&client_secret="
                        + LONG), json(401)),
                c("64 KB header (container)", t -> t.get("account/access_token?code=x" + creds)
                        .header("X-Padding", HEADER_64K), container()),
                c("non-UTF-8 code", t -> t.get("account/access_token?code=" + NOT_UTF8 + creds), json(400)),
                c("non-UTF-8 client_id", t -> t.get("account/access_token?code=x&client_secret=x&client_id="
                        + NOT_UTF8), json(401)),
                c("NUL in code", t -> t.get("account/access_token?code=x" + NUL + creds), json(400)),
                c("CR/LF in code", t -> t.get("account/access_token?code=x" + CRLF + creds), json(400)),
                c("NUL in client_id", t -> t.get("account/access_token?code=x&client_secret=" + SECRET
                        + "&client_id=" + S + NUL), json(401)),
                c("CR/LF in client_id", t -> t.get("account/access_token?code=x&client_secret=" + SECRET
                        + "&client_id=" + S + CRLF), json(401)),
                c("CR/LF in client_secret", t -> t.get("account/access_token?code=x&client_id=" + S
                        + "&client_secret=" + SECRET + CRLF), json(401)),
                c("CR/LF in redirect_uri", t -> t.get("account/access_token?code=x" + creds + "&redirect_uri="
                        + enc(R) + CRLF), json(400)),
                c("NUL in code_verifier", t -> t.get("account/access_token?code=x" + creds + "&code_verifier=v"
                        + NUL), json(400)),
                c("repeated code", t -> t.get("account/access_token?code=x&code=y" + creds), json(400)),
                c("form Content-Type without a body, broken escape in the query", t -> t.get(
                        "account/access_token?code=x%G1" + creds + "&x=%").header("Content-Type", FORM), json(400)),
                c("PUT", t -> t.request("PUT", "account/access_token?code=x" + creds).body(FORM, ""), json(405)),
                c("DELETE", t -> t.request("DELETE", "account/access_token?code=x" + creds), json(405)),
                c("PATCH", t -> t.request("PATCH", "account/access_token?code=x" + creds).body(JSON, "{}"),
                        json(405)),
                c("POST form", t -> t.request("POST", "account/access_token").body(FORM, "code=x" + creds),
                        json(405)),
                c("POST text/plain", t -> t.request("POST", "account/access_token").body("text/plain", "x"),
                        json(405)));
    }

    static Stream<Case> tokenCases() {
        String code = "grant_type=authorization_code&code=x&redirect_uri=" + enc(R);
        String refresh = "grant_type=refresh_token&refresh_token=x";
        return Stream.of(
                c("100 KB client_id in the form", t -> t.post("account/token", FORM, code + "&client_secret=x"
                        + "&client_id=" + HUGE), json(413)),
                c("100 KB code in the form", t -> t.basic(t.post("account/token", FORM,
                        "grant_type=authorization_code&redirect_uri=" + enc(R) + "&code=" + HUGE)), json(413)),
                c("100 KB state in the query (container)", t -> t.basic(t.post("account/token?state=" + HUGE, FORM,
                        code)), container()),
                c("4 KB code", t -> t.basic(t.post("account/token", FORM, "grant_type=authorization_code"
                        + "&redirect_uri=" + enc(R) + "&code=" + LONG)), json(400)),
                c("1 MB form (read no further than 64 KiB)", t -> t.basic(t.post("account/token", FORM,
                        refresh + "&pad=" + "p".repeat(1024 * 1024))), json(413)),
                c("64 KB header (container)", t -> t.basic(t.post("account/token", FORM, code))
                        .header("X-Padding", HEADER_64K), container()),
                c("64 KB Authorization header (container)", t -> t.post("account/token", FORM, code)
                        .header("Authorization", "Basic " + HEADER_64K), container()),
                c("non-UTF-8 grant_type", t -> t.basic(t.post("account/token", FORM, "grant_type=" + NOT_UTF8)),
                        json(400)),
                c("non-UTF-8 client_id", t -> t.post("account/token", FORM, code + "&client_secret=x&client_id="
                        + NOT_UTF8), json(401)),
                c("non-UTF-8 code", t -> t.basic(t.post("account/token", FORM, "grant_type=authorization_code"
                        + "&redirect_uri=" + enc(R) + "&code=" + NOT_UTF8)), json(400)),
                c("NUL in code", t -> t.basic(t.post("account/token", FORM, code + NUL)), json(400)),
                c("CR/LF in code", t -> t.basic(t.post("account/token", FORM, code.replace("code=x", "code=x"
                        + CRLF))), json(400)),
                c("CR/LF in redirect_uri", t -> t.basic(t.post("account/token", FORM, code + CRLF)), json(400)),
                c("NUL in refresh_token", t -> t.basic(t.post("account/token", FORM, refresh + NUL)), json(400)),
                c("CR/LF in refresh_token", t -> t.basic(t.post("account/token", FORM, refresh + CRLF)),
                        json(400)),
                c("CR/LF in scope", t -> t.basic(t.post("account/token", FORM, refresh + "&scope=read" + CRLF)),
                        json(400)),
                c("NUL in client_id", t -> t.post("account/token", FORM, code + "&client_secret=" + SECRET
                        + "&client_id=" + S + NUL), json(401)),
                c("CR/LF in client_id", t -> t.post("account/token", FORM, code + "&client_secret=" + SECRET
                        + "&client_id=" + S + CRLF), json(401)),
                c("CR/LF in grant_type", t -> t.basic(t.post("account/token", FORM, "grant_type=refresh_token"
                        + CRLF)), json(400)),
                c("Basic credentials not base64", t -> t.post("account/token", FORM, code)
                        .header("Authorization", "Basic %%%"), json(401)),
                c("repeated grant_type", t -> t.basic(t.post("account/token", FORM, refresh
                        + "&grant_type=refresh_token")), json(400)),
                c("no body and no Content-Type", t -> t.basic(t.request("POST", "account/token")), json(400)),
                c("form Content-Type without a body, broken escape in the query", t -> t.basic(t.request("POST",
                        "account/token?x=%G1&y=%").header("Content-Type", FORM)), json(400)),
                c("GET", t -> t.basic(t.get("account/token?" + code)), json(405)),
                c("PUT", t -> t.basic(t.request("PUT", "account/token").body(FORM, code)), json(405)),
                c("DELETE", t -> t.basic(t.request("DELETE", "account/token")), json(405)),
                c("PATCH", t -> t.basic(t.request("PATCH", "account/token").body(FORM, code)), json(405)),
                c("JSON body", t -> t.basic(t.post("account/token", JSON, "{\"grant_type\":\"refresh_token\"}")),
                        json(415)),
                c("text/plain body", t -> t.basic(t.post("account/token", "text/plain", code)), json(415)),
                c("no Content-Type", t -> t.basic(t.post("account/token", null, code)), json(415)),
                c("multipart body", t -> t.basic(t.post("account/token", "multipart/form-data; boundary=b",
                        "--b\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\nx\r\n--b--\r\n")),
                        json(415)),
                c("unknown charset", t -> t.basic(t.post("account/token", FORM + "; charset=bogus", code)),
                        json(415)),
                c("illegal charset name", t -> t.basic(t.post("account/token", FORM + "; charset=\"a b\"", code)),
                        json(415)),
                c("malformed Content-Type (Jersey refuses it)", t -> t.basic(t.post("account/token", ";;;", code)),
                        clientError()));
    }

    static Stream<Case> introspectCases() {
        return Stream.of(
                c("100 KB token in the form", t -> t.basic(t.post("account/introspect", FORM, "token=" + HUGE)),
                        json(413)),
                c("64 KB header (container)", t -> t.basic(t.post("account/introspect", FORM, "token=x"))
                        .header("X-Padding", HEADER_64K), container()),
                // RFC 7662 §2.2: a token that is not one of the client's live tokens is inactive, whatever it holds
                c("non-UTF-8 token", t -> t.basic(t.post("account/introspect", FORM, "token=" + NOT_UTF8)),
                        inactive()),
                c("NUL in token", t -> t.basic(t.post("account/introspect", FORM, "token=x" + NUL)), inactive()),
                c("CR/LF in token", t -> t.basic(t.post("account/introspect", FORM, "token=x" + CRLF)),
                        inactive()),
                c("CR/LF in client_id", t -> t.post("account/introspect", FORM, "token=x&client_secret=" + SECRET
                        + "&client_id=" + S + CRLF), json(401)),
                c("non-UTF-8 client_secret", t -> t.post("account/introspect", FORM, "token=x&client_id=" + S
                        + "&client_secret=" + NOT_UTF8), json(401)),
                c("Basic credentials not base64", t -> t.post("account/introspect", FORM, "token=x")
                        .header("Authorization", "Basic !!!"), json(401)),
                c("bytes that are not ASCII in the Authorization header (container)", t -> t.post(
                        "account/introspect", FORM, "token=x").header("Authorization",
                        concat("Basic ", new byte[] {(byte) 0xff, (byte) 0xfe}, "")), container()),
                c("repeated token", t -> t.basic(t.post("account/introspect", FORM, "token=x&token=y")), json(400)),
                c("no body and no Content-Type", t -> t.basic(t.request("POST", "account/introspect")), json(400)),
                c("form Content-Type without a body, broken escape in the query", t -> t.basic(t.request("POST",
                        "account/introspect?token=%G1").header("Content-Type", FORM)), json(400)),
                c("GET", t -> t.basic(t.get("account/introspect?token=x")), json(405)),
                c("PUT", t -> t.basic(t.request("PUT", "account/introspect").body(FORM, "token=x")), json(405)),
                c("DELETE", t -> t.basic(t.request("DELETE", "account/introspect")), json(405)),
                c("PATCH", t -> t.basic(t.request("PATCH", "account/introspect").body(FORM, "token=x")), json(405)),
                c("JSON body", t -> t.basic(t.post("account/introspect", JSON, "{\"token\":\"x\"}")), json(415)),
                c("text/plain body", t -> t.basic(t.post("account/introspect", "text/plain", "token=x")),
                        json(415)),
                c("unknown charset", t -> t.basic(t.post("account/introspect", FORM + "; charset=bogus", "token=x")),
                        json(415)));
    }

    static Stream<Case> revokeCases() {
        return Stream.of(
                c("100 KB token in the form", t -> t.basic(t.post("account/revoke", FORM, "token=" + HUGE)),
                        json(413)),
                c("64 KB header (container)", t -> t.basic(t.post("account/revoke", FORM, "token=x"))
                        .header("X-Padding", HEADER_64K), container()),
                // RFC 7009 §2.2: an invalid token is answered 200, as a revoked one is
                c("non-UTF-8 token", t -> t.basic(t.post("account/revoke", FORM, "token=" + NOT_UTF8)), ok()),
                c("NUL in token", t -> t.basic(t.post("account/revoke", FORM, "token=x" + NUL)), ok()),
                c("CR/LF in token", t -> t.basic(t.post("account/revoke", FORM, "token=x" + CRLF)), ok()),
                c("CR/LF in client_id", t -> t.post("account/revoke", FORM, "token=x&client_secret=" + SECRET
                        + "&client_id=" + S + CRLF), json(401)),
                c("missing token", t -> t.basic(t.post("account/revoke", FORM, "token_type_hint=x" + CRLF)),
                        json(400)),
                c("no body and no Content-Type", t -> t.basic(t.request("POST", "account/revoke")), json(400)),
                c("form Content-Type without a body, broken escape in the query", t -> t.basic(t.request("POST",
                        "account/revoke?token=%").header("Content-Type", FORM)), json(400)),
                c("GET", t -> t.basic(t.get("account/revoke?token=x")), json(405)),
                c("PUT", t -> t.basic(t.request("PUT", "account/revoke").body(FORM, "token=x")), json(405)),
                c("DELETE", t -> t.basic(t.request("DELETE", "account/revoke")), json(405)),
                c("PATCH", t -> t.basic(t.request("PATCH", "account/revoke").body(FORM, "token=x")), json(405)),
                c("JSON body", t -> t.basic(t.post("account/revoke", JSON, "{\"token\":\"x\"}")), json(415)),
                c("text/plain body", t -> t.basic(t.post("account/revoke", "text/plain", "token=x")), json(415)),
                c("unknown charset", t -> t.basic(t.post("account/revoke", FORM + "; charset=bogus", "token=x")),
                        json(415)));
    }

    static Stream<Case> registerCases() {
        String uris = ",\"redirect_uris\":[\"https://app.example/cb\"]";
        return Stream.of(
                c("1 MB JSON body", t -> t.post("account/register", JSON, "{\"client_name\":\"a\",\"pad\":\""
                        + "p".repeat(1024 * 1024) + "\"" + uris + "}"), json(400)),
                c("100 KB client_name", t -> t.post("account/register", JSON, "{\"client_name\":\"" + HUGE + "\""
                        + uris + "}"), json(400)),
                c("101 character client_name", t -> t.post("account/register", JSON, "{\"client_name\":\""
                        + "n".repeat(101) + "\"" + uris + "}"), json(400)),
                c("64 KB header (container)", t -> t.post("account/register", JSON, "{}")
                        .header("X-Padding", HEADER_64K), container()),
                c("bytes that are not UTF-8", t -> t.request("POST", "account/register").body(JSON,
                        concat("{\"client_name\":\"", new byte[] {(byte) 0xff, (byte) 0xfe}, "\"" + uris + "}")),
                        json(400)),
                c("NUL in client_name", t -> t.post("account/register", JSON, "{\"client_name\":\"a\\u0000b\""
                        + uris + "}"), json(400)),
                c("CR/LF in client_name", t -> t.post("account/register", JSON, "{\"client_name\":\"a\\r\\n"
                        + INJECTED + ": yes\"" + uris + "}"), json(400)),
                c("CR/LF in a redirect URI", t -> t.post("account/register", JSON, "{\"client_name\":\"a\","
                        + "\"redirect_uris\":[\"https://app.example/cb\\r\\n" + INJECTED + ": yes\"]}"), json(400)),
                c("NUL in a redirect URI", t -> t.post("account/register", JSON, "{\"client_name\":\"a\","
                        + "\"redirect_uris\":[\"https://app.example/cb\\u0000\"]}"), json(400)),
                c("CR/LF in token_endpoint_auth_method", t -> t.post("account/register", JSON,
                        "{\"client_name\":\"a\"" + uris + ",\"token_endpoint_auth_method\":\"none\\r\\n\"}"),
                        json(400)),
                c("nested 5000 deep", t -> t.post("account/register", JSON, "[".repeat(5000) + "]".repeat(5000)),
                        json(400)),
                c("not JSON", t -> t.post("account/register", JSON, "client_name=a"), json(400)),
                c("GET", t -> t.get("account/register"), json(405)),
                c("PUT", t -> t.request("PUT", "account/register").body(JSON, "{}"), json(405)),
                c("DELETE", t -> t.request("DELETE", "account/register"), json(405)),
                c("PATCH", t -> t.request("PATCH", "account/register").body(JSON, "{}"), json(405)),
                c("form body", t -> t.post("account/register", FORM, "client_name=a&redirect_uris=x"), json(415)),
                c("text/plain body", t -> t.post("account/register", "text/plain", "{}"), json(415)),
                // Registration reads a body without a Content-Type as JSON, and judges what it says
                c("no Content-Type", t -> t.post("account/register", null, "{}"), json(400)),
                c("malformed Content-Type (Jersey refuses it)", t -> t.post("account/register", "/", "{}"),
                        clientError()));
    }

    static Stream<Case> consentsApiCases() {
        return Stream.of(
                c("100 KB id (container)", t -> t.basic(t.get("account/consents/" + HUGE)), container()),
                c("4 KB id", t -> t.basic(t.get("account/consents/" + LONG)), json(404)),
                c("64 KB header (container)", t -> t.basic(t.get("account/consents/x"))
                        .header("X-Padding", HEADER_64K), container()),
                c("non-UTF-8 id (container)", t -> t.basic(t.get("account/consents/" + NOT_UTF8)), container()),
                c("NUL in id (container)", t -> t.basic(t.get("account/consents/x" + NUL)), container()),
                c("CR/LF in id", t -> t.basic(t.get("account/consents/x" + CRLF)), json(404)),
                c("CR/LF in id, DELETE", t -> t.basic(t.request("DELETE", "account/consents/x" + CRLF)), json(404)),
                c("non-UTF-8 client_id", t -> t.get("account/consents/x?client_id=" + NOT_UTF8), json(401)),
                c("CR/LF in client_id", t -> t.get("account/consents/x?client_id=" + S + CRLF), json(401)),
                c("client_secret in the query", t -> t.get("account/consents/x?client_id=" + S
                        + "&client_secret=" + SECRET), json(400)),
                c("Basic credentials not base64", t -> t.get("account/consents/x")
                        .header("Authorization", "Basic ***"), json(401)),
                c("PUT", t -> t.basic(t.request("PUT", "account/consents/x").body(JSON, "{}")), json(405)),
                c("PATCH", t -> t.basic(t.request("PATCH", "account/consents/x").body(JSON, "{}")), json(405)),
                c("POST form", t -> t.basic(t.post("account/consents/x", FORM, "a=b")), json(405)),
                c("POST text/plain", t -> t.basic(t.post("account/consents/x", "text/plain", "x")), json(405)));
    }

    static Stream<Case> apiCases() {
        List<Case> cases = new ArrayList<>();
        for (String path : List.of("account/info", "account/balance")) {
            String name = path.substring("account/".length()) + ": ";
            cases.addAll(List.of(
                    c(name + "100 KB query (container)", t -> t.get(path + "?x=" + HUGE).header("Authorization",
                            "Bearer x"), container()),
                    c(name + "64 KB Authorization header (container)", t -> t.get(path)
                            .header("Authorization", "Bearer " + HEADER_64K), container()),
                    c(name + "64 KB header (container)", t -> t.get(path).header("X-Padding", HEADER_64K),
                            container()),
                    c(name + "bytes that are not ASCII in the header (container)", t -> t.get(path)
                            .header("Authorization", concat("Bearer ", new byte[] {(byte) 0xff, (byte) 0xfe}, "")),
                            container()),
                    c(name + "4 KB token", t -> t.get(path).header("Authorization", "Bearer " + LONG), bearer(401)),
                    c(name + "NUL byte in the header (container)", t -> t.get(path).header("Authorization",
                            concat("Bearer a", new byte[] {0}, "b")), container()),
                    c(name + "encoded NUL in the token", t -> t.get(path).header("Authorization", "Bearer a%00b"),
                            bearer(401)),
                    c(name + "encoded CR/LF in the token", t -> t.get(path).header("Authorization",
                            "Bearer a%0D%0Ab"), bearer(401)),
                    c(name + "no token", t -> t.get(path).header("Authorization", "Basic " + NOT_UTF8),
                            bearer(401)),
                    c(name + "two Authorization headers", t -> t.get(path).header("Authorization", "Bearer a")
                            .header("Authorization", "Bearer b"), bearer(400)),
                    c(name + "CR/LF in an access_token query parameter", t -> t.get(path + "?access_token=a"
                            + CRLF), bearer(400)),
                    c(name + "non-UTF-8 access_token query parameter", t -> t.get(path + "?access_token="
                            + NOT_UTF8), bearer(400)),
                    c(name + "POST form with an access_token", t -> t.post(path, FORM, "access_token=a" + NUL),
                            bearer(400)),
                    c(name + "PUT", t -> t.request("PUT", path).header("Authorization", "Bearer a").body(JSON, "{}"),
                            json(405)),
                    c(name + "DELETE", t -> t.request("DELETE", path).header("Authorization", "Bearer a"),
                            json(405)),
                    c(name + "PATCH", t -> t.request("PATCH", path).body(JSON, "{}"), json(405)),
                    c(name + "POST text/plain", t -> t.post(path, "text/plain", "x"), json(405)),
                    c(name + "form Content-Type without a body, broken escape in the query", t -> t.get(path
                            + "?x=%G1").header("Content-Type", FORM).header("Authorization", "Bearer x"), bearer(401)),
                    c(name + "malformed Accept, a raw byte that is not UTF-8 in the query (Jersey refuses it)",
                            t -> t.get(path + "?x=" + RAW_NOT_UTF8).header("Accept", "/"), clientError())));
        }
        return cases.stream();
    }

    static Stream<Case> metadataCases() {
        String path = ".well-known/oauth-authorization-server";
        return Stream.of(
                c("100 KB query (container)", t -> t.get(path + "?x=" + HUGE), container()),
                c("64 KB header (container)", t -> t.get(path).header("X-Padding", HEADER_64K), container()),
                c("non-UTF-8 path (container)", t -> t.get(".well-known/" + NOT_UTF8), container()),
                c("unknown document", t -> t.get(".well-known/openid-configuration" + CRLF), json(404)),
                c("malformed Accept, a raw byte that is not UTF-8 in the query (Jersey refuses it)",
                        t -> t.get(path + "?x=" + RAW_NOT_UTF8).header("Accept", "application/json;q=x"),
                        clientError()),
                c("PUT", t -> t.request("PUT", path).body(JSON, "{}"), json(405)),
                c("DELETE", t -> t.request("DELETE", path), json(405)),
                c("PATCH", t -> t.request("PATCH", path).body(JSON, "{}"), json(405)),
                c("POST form", t -> t.post(path, FORM, "a=b"), json(405)));
    }

    static Stream<Case> customerPageCases() {
        List<Case> cases = new ArrayList<>();
        for (String page : List.of("login.xhtml", "consent.xhtml")) {
            String name = page + ": ";
            cases.addAll(List.of(
                    c(name + "100 KB request (container)", t -> t.get(page + "?request=" + HUGE), container()),
                    c(name + "4 KB request", t -> t.get(page + "?request=" + LONG), html(400)),
                    c(name + "64 KB header (container)", t -> t.get(page + "?request=x")
                            .header("X-Padding", HEADER_64K), container()),
                    c(name + "non-UTF-8 request", t -> t.get(page + "?request=" + NOT_UTF8), html(400)),
                    c(name + "NUL in request", t -> t.get(page + "?request=x" + NUL), html(400)),
                    c(name + "CR/LF in request", t -> t.get(page + "?request=x" + CRLF), html(400)),
                    c(name + "a raw byte that is not UTF-8 in the query", t -> t.get(page + "?request="
                            + RAW_NOT_UTF8), html(400)),
                    // the container leaves out a form field it cannot decode: no form token, so 403
                    c(name + "a raw byte that is not UTF-8 in a form", t -> t.request("POST", page).body(FORM,
                            ("login%3Ausername=" + RAW_NOT_UTF8).getBytes(StandardCharsets.ISO_8859_1)),
                            html(403)),
                    c(name + "a view state in a GET, without the form token", t -> t.get(page
                            + "?jakarta.faces.ViewState=1%3A2"), html(403)),
                    c(name + "POST without the form token", t -> t.post(page, FORM, "a=b"), html(403)),
                    c(name + "POST JSON", t -> t.post(page, JSON, "{}"), html(403)),
                    c(name + "PUT", t -> t.request("PUT", page).body(FORM, "a=b"), html(405)),
                    c(name + "DELETE", t -> t.request("DELETE", page), html(405)),
                    c(name + "PATCH", t -> t.request("PATCH", page).body(FORM, "a=b"), clientError())));
        }
        return cases.stream();
    }

    static Stream<Case> dashboardCases() {
        String page = "account/consents";
        return Stream.of(
                c("100 KB id (container)", t -> t.get(page + "?id=" + HUGE), container()),
                c("64 KB header (container)", t -> t.get(page).header("X-Padding", HEADER_64K), container()),
                c("4 KB id, logged in", t -> t.dashboard(t.get(page + "?id=" + LONG)), html(404)),
                c("non-UTF-8 id, logged in", t -> t.dashboard(t.get(page + "?id=" + NOT_UTF8)), html(404)),
                c("NUL in id, logged in", t -> t.dashboard(t.get(page + "?id=x" + NUL)), html(404)),
                c("CR/LF in id, logged in", t -> t.dashboard(t.get(page + "?id=x" + CRLF)), html(404)),
                c("a raw byte that is not UTF-8 in the query, logged in", t -> t.dashboard(t.get(page + "?id="
                        + RAW_NOT_UTF8)), html(400)),
                c("a view state in a GET, without the form token", t -> t.dashboard(t.get(page
                        + "?jakarta.faces.ViewState=1%3A2")), html(403)),
                c("a form with its token and a view state the server never had", t -> t.dashboardForm(), html(400)),
                c("POST without the form token", t -> t.dashboard(t.post(page, FORM, "a=b")), html(403)),
                c("PUT", t -> t.dashboard(t.request("PUT", page).body(FORM, "a=b")), html(405)),
                c("DELETE", t -> t.dashboard(t.request("DELETE", page)), html(405)),
                c("PATCH", t -> t.dashboard(t.request("PATCH", page).body(FORM, "a=b")), clientError()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authorizeCases")
    void authorize(Case c) {
        check("authorize", c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accessTokenCases")
    void accessToken(Case c) {
        check("access_token", c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenCases")
    void token(Case c) {
        check("token", c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("introspectCases")
    void introspect(Case c) {
        check("introspect", c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("revokeCases")
    void revoke(Case c) {
        check("revoke", c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registerCases")
    void register(Case c) {
        check("register", c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consentsApiCases")
    void consentsApi(Case c) {
        check("consents/{id}", c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiCases")
    void accountApi(Case c) {
        check("info/balance", c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metadataCases")
    void metadata(Case c) {
        check(".well-known", c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("customerPageCases")
    void customerPages(Case c) {
        check("login/consent", c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboardCases")
    void dashboard(Case c) {
        check("account/consents", c);
    }

    // RFC 6749 Appendix B: whatever state holds goes back form-encoded, so it can never end a header line.
    @Test
    void whenStateCarriesCrLfAndNulThenTheAppGetsItBackEncodedAndNoHeaderIsAdded() {
        String state = "s\r\n" + INJECTED + ": yes\u0000\r\nLocation: https://evil.example/";
        for (String button : List.of("allow", "deny")) {
            Browser browser = new Browser(root);
            Map<String, String> query = new LinkedHashMap<>();
            query.put("client_id", S);
            query.put("redirect_uri", R);
            query.put("state", state);
            query.put("prompt", "consent");
            Browser.Page consent = browser.logIn(browser.authorize(query), "dave", "pw");
            assertNotNull(consent.document().getElementById("consent"), consent.body());
            Browser.Page redirect = browser.decide(consent, button);

            assertEquals(303, redirect.status(), redirect.body());
            assertFalse(redirect.response().headers().map().containsKey(INJECTED.toLowerCase()), button);
            assertEquals(1, redirect.response().headers().allValues("Location").size(), button);
            String location = redirect.location();
            assertFalse(location.contains("\r") || location.contains("\n") || location.contains("\u0000"), location);
            assertTrue(location.startsWith(R + "?"), location);
            assertEquals(state, Queries.parse(URI.create(location).getRawQuery()).get("state"), button);
        }
    }

    // ---------------------------------------------------------------- running a case

    private void check(String endpoint, Case c) {
        RawHttp.Request request = c.request().apply(this);
        RawHttp.Response response = raw.send(request);
        List<String> problems = new ArrayList<>(ResponseChecks.safe(response));
        problems.addAll(c.expect().check(response));
        System.out.printf("[BadInputIT] %-16s %-58s -> %d, %s%n", endpoint, c.name(), response.status(),
                response.header("Content-Security-Policy") == null ? "answered by the container"
                        : "through the application's filters");
        assertTrue(problems.isEmpty(), () -> endpoint + ", " + c.name() + ": " + problems + "\n" + request.describe()
                + "\n" + response);
    }

    private static Case c(String name, Function<BadInputIT, RawHttp.Request> request, Expect expect) {
        return new Case(name, request, expect);
    }

    RawHttp.Request request(String method, String path) {
        return new RawHttp.Request(method, root.getPath() + path);
    }

    RawHttp.Request get(String path) {
        return request("GET", path);
    }

    RawHttp.Request post(String path, String contentType, String body) {
        return request("POST", path).body(contentType, body);
    }

    /** The sandbox app's credentials, client_secret_basic. */
    RawHttp.Request basic(RawHttp.Request request) {
        return request.header("Authorization", Api.basic(S, SECRET));
    }

    /**
     * The request, in the session of a customer logged in to the consents dashboard, with every cookie the browser
     * holds: the session id and Payara's session version (JSESSIONIDVERSION). Without the version, the replicated
     * session manager of a server that has served many sessions at times does not find the session and starts a new
     * one.
     */
    RawHttp.Request dashboard(RawHttp.Request request) {
        Browser browser = new Browser(root);
        dashboardLogin(browser);
        return request.header("Cookie", browser.cookieHeader());
    }

    /** The dashboard's log-out form with its form token, but a view state this server never handed out. */
    RawHttp.Request dashboardForm() {
        Browser browser = new Browser(root);
        Browser.Page list = dashboardLogin(browser);
        List<Map.Entry<String, String>> fields = new ArrayList<>(Browser.fieldsOf(list, "session"));
        fields.replaceAll(f -> f.getKey().equals("jakarta.faces.ViewState")
                ? Map.entry(f.getKey(), "1234567890:987654321") : f);
        fields.add(Map.entry("session:signOut", "Log out"));
        return post("account/consents", FORM, Browser.form(fields)).header("Cookie", browser.cookieHeader());
    }

    private Browser.Page dashboardLogin(Browser browser) {
        Browser.Page list = browser.logIn(browser.open(root.resolve("account/consents")), "dave", "pw");
        assertNotNull(list.document().getElementById("session"), list.body());
        return list;
    }

    // ---------------------------------------------------------------- expectations

    private static Expect json(int status) {
        return r -> ResponseChecks.jsonError(r, status);
    }

    private static Expect bearer(int status) {
        return r -> {
            List<String> problems = ResponseChecks.bearerChallenge(r);
            if (r.status() != status) {
                problems.add("status " + r.status() + ", expected " + status);
            }
            problems.addAll(ResponseChecks.jsonBody(r));
            return problems;
        };
    }

    /** Refused before the application: any 4xx. */
    private static Expect container() {
        return ResponseChecks::clientError;
    }

    private static Expect clientError() {
        return ResponseChecks::clientError;
    }

    private static Expect errorPage() {
        return ResponseChecks::htmlErrorPage;
    }

    private static Expect html(int status) {
        return r -> {
            List<String> problems = ResponseChecks.htmlClientError(r);
            if (r.status() != status) {
                problems.add("status " + r.status() + ", expected " + status);
            }
            return problems;
        };
    }

    /** RFC 6749 §4.1.2.1: once the redirect URI is trusted, an error goes back to the app with a 303. */
    private static Expect errorRedirect(String error) {
        return r -> {
            List<String> problems = new ArrayList<>();
            String location = r.header("Location");
            if (r.status() != 303 || location == null || !location.startsWith(R + "?")) {
                problems.add("not an error redirect to the app: " + r.status() + " " + location);
                return problems;
            }
            Map<String, String> query = Queries.parse(URI.create(location).getRawQuery());
            if (!error.equals(query.get("error"))) {
                problems.add("error " + query.get("error") + ", expected " + error);
            }
            if (!ResponseChecks.isErrorText(query.getOrDefault("error_description", ""))) {
                problems.add("error_description outside the RFC's characters: " + query.get("error_description"));
            }
            return problems;
        };
    }

    /** The request is accepted: the browser goes on to the bank's own login page. */
    private static Expect bankLogin() {
        return r -> {
            String location = r.header("Location");
            return r.status() == 303 && location != null && URI.create(location).getPath().endsWith("/login.xhtml")
                    ? List.of() : List.of("not sent to the login page: " + r.status() + " " + location);
        };
    }

    private static Expect inactive() {
        return r -> r.status() == 200 && Json.createReader(new java.io.StringReader(r.text())).readObject()
                .equals(TokenEndpoints.INACTIVE) ? List.of() : List.of("not {\"active\":false}: " + r.status());
    }

    private static Expect ok() {
        return r -> r.status() == 200 ? List.of() : List.of("status " + r.status() + ", expected 200");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }
}
