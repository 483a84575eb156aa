package io.accountoauth.bench;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The requests of the benchmark, as an app and a customer's browser make them against the bank: the sandbox app
 * (the seed's client) and the sandbox customer dave, in the sandbox's "any password" mode.
 */
final class Bank {

    static final String CLIENT_ID = "7b6fc8ed5127b0b2f076d";
    static final String CLIENT_SECRET = "724e6890757b0ae624684b70e111b705fe6b050c";
    static final String REDIRECT_URI = "http://www3.sotong.io";

    private Bank() {
    }

    /** The server under load: {@code BENCH_URL}, by default Payara Micro on 127.0.0.1:8080. */
    static HttpProtocolBuilder protocol() {
        return http.baseUrl(System.getenv().getOrDefault("BENCH_URL", "http://127.0.0.1:8080"))
                .acceptHeader("application/json, text/html;q=0.9")
                // Every request reaches the server, even where its answer allows a cache (the metadata)
                .disableCaching()
                .shareConnections();
    }

    /** The hello-world WAR on the same server: a constant JSON of the balance's size. */
    static ChainBuilder hello(String name) {
        return exec(http(name).get("/hello/balance").check(status().is(200)));
    }

    static ChainBuilder metadata(String name) {
        return exec(http(name).get("/.well-known/oauth-authorization-server").check(status().is(200)));
    }

    /** The balance with the session's access token. */
    static ChainBuilder balance(String name) {
        return exec(http(name).get("/account/balance").header("Authorization", "Bearer #{accessToken}")
                .check(status().is(200)));
    }

    /** Introspection of the session's access token by the app (RFC 7662), which must find it active. */
    static ChainBuilder introspect(String name) {
        return exec(http(name).post("/account/introspect").basicAuth(CLIENT_ID, CLIENT_SECRET)
                .formParam("token", "#{accessToken}")
                .check(status().is(200), jsonPath("$.active").ofBoolean().is(true)));
    }

    /** The refresh-token grant: the session's refresh token for the next pair. */
    static ChainBuilder refresh(String name) {
        return exec(http(name).post("/account/token").basicAuth(CLIENT_ID, CLIENT_SECRET)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", "#{refreshToken}")
                .check(status().is(200), jsonPath("$.access_token").saveAs("accessToken"),
                        jsonPath("$.refresh_token").saveAs("refreshToken")));
    }

    /**
     * A whole flow as a browser and the app make it, each request named with the prefix: the authorization request
     * (redirected to the login page), the login, the consent page, Allow, the redirect with the code, the code's
     * exchange at the token endpoint. {@code prompt=consent}, so the consent page is shown every time. The browser's
     * cookies are dropped once it is back at the app, so that each flow is a new browser and the app's calls carry
     * none. Leaves the tokens in the session.
     */
    static ChainBuilder flow(String prefix) {
        return exec(http(prefix + "authorize").get("/account/authorize")
                        .queryParam("client_id", CLIENT_ID).queryParam("redirect_uri", REDIRECT_URI)
                        .queryParam("prompt", "consent")
                        .check(pageWithForm("login")))
                .exitHereIfFailed()
                .exec(post(prefix + "login", "login")
                        .formParam("login:username", "dave").formParam("login:password", "any")
                        .formParam("login:signIn", "Log in")
                        .check(pageWithForm("consent")))
                .exitHereIfFailed()
                .exec(post(prefix + "consent", "consent")
                        .formParam("consent:permissions", "info").formParam("consent:permissions", "balance")
                        .formParam("consent:allow", "Allow")
                        .disableFollowRedirect()
                        .check(status().is(303), header("Location").transform(Bank::code).saveAs("code")))
                .exitHereIfFailed()
                // The rest are the app's calls, from its own server: without the customer's browser cookies.
                .exec(flushCookieJar())
                .exec(http(prefix + "token").post("/account/token").basicAuth(CLIENT_ID, CLIENT_SECRET)
                        .formParam("grant_type", "authorization_code").formParam("code", "#{code}")
                        .formParam("redirect_uri", REDIRECT_URI)
                        .check(status().is(200), jsonPath("$.access_token").saveAs("accessToken"),
                                jsonPath("$.refresh_token").saveAs("refreshToken")))
                .exitHereIfFailed();
    }

    /** The page shows this Faces form: keeps its action, form token and view state, which its post sends back. */
    private static CheckBuilder[] pageWithForm(String form) {
        return new CheckBuilder[] {status().is(200), css("#" + form, "action").saveAs("action"),
            css("input[name='_csrf']", "value").saveAs("csrf"),
            css("input[name='jakarta.faces.ViewState']", "value").saveAs("viewState")};
    }

    /** The post of the form the last page showed, as a browser sends it, before the fields the user filled in. */
    private static HttpRequestActionBuilder post(String name, String form) {
        return http(name).post("#{action}").formParam(form, form).formParam("_csrf", "#{csrf}")
                .formParam("jakarta.faces.ViewState", "#{viewState}");
    }

    /** The code in the redirect back to the app, or null (which fails the check) when there is none. */
    static String code(String location) {
        String query = URI.create(location).getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("code=")) {
                return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
