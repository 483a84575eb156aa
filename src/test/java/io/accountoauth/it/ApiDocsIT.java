package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API documentation: the OpenAPI document the server publishes at /openapi, and the Swagger UI page at
 * /api-docs that reads it, served by the application itself.
 */
class ApiDocsIT extends DeployedWar {

    static final String OPENAPI = "openapi";
    static final String API_DOCS = "api-docs";

    /** Every REST endpoint of the application, with its methods. */
    static final Map<String, Set<String>> ENDPOINTS = endpoints(
            "/account/authorize", "get",
            "/account/access_token", "get",
            "/account/token", "post",
            "/account/introspect", "post",
            "/account/revoke", "post",
            "/account/register", "post",
            "/account/consents/{id}", "get delete",
            "/account/info", "get",
            "/account/balance", "get",
            "/.well-known/oauth-authorization-server", "get");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    URI loopback;

    @BeforeEach
    void setUp() {
        loopback = server();
    }

    @Test
    void whenOpenApiIsAskedForJsonThenJsonDocument() {
        HttpResponse<String> response = api.get(OPENAPI, "Accept", "application/json");

        assertEquals(200, response.statusCode(), response.body());
        TokenEndpoints.assertJson(response);
        JsonObject document = Api.json(response);
        assertTrue(document.getString("openapi").startsWith("3."), document.getString("openapi"));
        assertEquals("account-oauth", document.getJsonObject("info").getString("title"));
    }

    @Test
    void whenOpenApiIsReadThenEveryEndpointIsListedWithItsMethods() {
        JsonObject paths = openApi().getJsonObject("paths");

        for (Map.Entry<String, Set<String>> endpoint : ENDPOINTS.entrySet()) {
            JsonObject path = paths.getJsonObject(endpoint.getKey());
            assertNotNull(path, () -> endpoint.getKey() + " is missing from " + paths.keySet());
            assertEquals(endpoint.getValue(), methods(path), endpoint.getKey());
        }
    }

    @Test
    void whenOpenApiIsReadThenEveryOperationIsDescribedWithASuccessAndAnError() {
        JsonObject paths = openApi().getJsonObject("paths");

        for (Map.Entry<String, Set<String>> endpoint : ENDPOINTS.entrySet()) {
            for (String method : endpoint.getValue()) {
                String name = method.toUpperCase() + " " + endpoint.getKey();
                JsonObject operation = paths.getJsonObject(endpoint.getKey()).getJsonObject(method);
                assertFalse(operation.getString("summary", "").isBlank(), name + " has no summary");
                assertFalse(operation.getJsonArray("tags").isEmpty(), name + " has no tag");
                Set<String> codes = operation.getJsonObject("responses").keySet();
                assertTrue(codes.stream().anyMatch(code -> code.matches("[23]\\d\\d")), name + ": " + codes);
                assertTrue(codes.stream().anyMatch(code -> code.matches("[45]\\d\\d")), name + ": " + codes);
            }
        }
    }

    // RFC 6749 §5.2: the error body the endpoints answer with.
    @Test
    void whenOpenApiIsReadThenErrorsAreTheOAuthErrorBody() {
        JsonObject document = openApi();
        JsonObject error = document.getJsonObject("components").getJsonObject("schemas").getJsonObject("OAuthError");

        assertEquals(Set.of("error", "error_description"), error.getJsonObject("properties").keySet());
        JsonObject badGrant = document.getJsonObject("paths").getJsonObject("/account/token").getJsonObject("post")
                .getJsonObject("responses").getJsonObject("400");
        assertEquals("#/components/schemas/OAuthError", badGrant.getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("$ref"));
    }

    // RFC 6750 §3: the account API's refusals carry the Bearer challenge.
    @Test
    void whenOpenApiIsReadThenAccountApiRefusalsCarryTheChallenge() {
        JsonObject document = openApi();

        for (String path : List.of("/account/info", "/account/balance")) {
            JsonObject responses = document.getJsonObject("paths").getJsonObject(path).getJsonObject("get")
                    .getJsonObject("responses");
            for (String code : List.of("401", "403")) {
                JsonObject response = resolve(document, responses.getJsonObject(code));
                assertNotNull(response.getJsonObject("headers").getJsonObject("WWW-Authenticate"), path + " " + code);
            }
            // RFC 9449 §9: a refusal under the DPoP scheme gives the nonce to use
            JsonObject unauthorized = resolve(document, responses.getJsonObject("401"));
            assertNotNull(unauthorized.getJsonObject("headers").getJsonObject("DPoP-Nonce"), path);
            assertTrue(unauthorized.getString("description").contains("use_dpop_nonce"), path);
        }
    }

    @Test
    void whenOpenApiIsReadThenRegistrationLimitSaysWhenToRetry() {
        JsonObject tooMany = openApi().getJsonObject("paths").getJsonObject("/account/register")
                .getJsonObject("post").getJsonObject("responses").getJsonObject("429");

        assertNotNull(tooMany, "429 is documented");
        assertNotNull(tooMany.getJsonObject("headers").getJsonObject("Retry-After"));
    }

    @Test
    void whenOpenApiIsReadThenTokenFormFieldsAreDescribed() {
        JsonObject schema = openApi().getJsonObject("paths").getJsonObject("/account/token").getJsonObject("post")
                .getJsonObject("requestBody").getJsonObject("content")
                .getJsonObject("application/x-www-form-urlencoded").getJsonObject("schema");

        assertTrue(schema.getJsonObject("properties").keySet().containsAll(List.of("grant_type", "code",
                "redirect_uri", "code_verifier", "refresh_token", "client_id", "client_secret", "client_assertion_type",
                "client_assertion")), schema.toString());
    }

    @Test
    void whenOpenApiIsReadThenBearerAndBasicSchemesAreDefined() {
        JsonObject schemes = openApi().getJsonObject("components").getJsonObject("securitySchemes");

        assertEquals("bearer", schemes.getJsonObject("bearer").getString("scheme"));
        assertEquals("basic", schemes.getJsonObject("basic").getString("scheme"));
    }

    @Test
    void whenOpenApiIsReadThenEveryReferenceResolves() {
        JsonObject document = openApi();
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);

        assertFalse(refs.isEmpty());
        for (String ref : refs) {
            assertNotNull(pointer(document, ref), () -> ref + " points at nothing");
        }
    }

    // Unset @Schema attributes must not turn into constraints (multipleOf 0, negative maxItems, ...).
    @Test
    void whenOpenApiIsReadThenNoSchemaCarriesImpossibleConstraints() {
        List<String> problems = new ArrayList<>();
        impossibleConstraints(openApi(), "", problems);

        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void whenApiDocsIsOpenedWithoutSlashThenRedirectToThePage() {
        HttpResponse<String> response = api.get(API_DOCS);

        assertTrue(response.statusCode() == 301 || response.statusCode() == 302, "status " + response.statusCode());
        assertEquals(loopback.resolve(API_DOCS + "/").getPath(),
                URI.create(response.headers().firstValue("Location").orElseThrow()).getPath());
    }

    @Test
    void whenApiDocsIsOpenedThenHtmlPage() {
        HttpResponse<String> response = api.get(API_DOCS + "/");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertNotNull(page().getElementById("swagger-ui"));
    }

    // Ready for a Content-Security-Policy of script-src 'self': no inline script, no inline handler.
    @Test
    void whenApiDocsIsOpenedThenEveryScriptIsASameOriginFile() {
        Document page = page();

        assertFalse(page.select("script").isEmpty());
        for (Element script : page.select("script")) {
            assertTrue(script.hasAttr("src"), "inline script: " + script);
            assertTrue(script.data().isBlank(), "inline script: " + script);
            assertSameOrigin(script.absUrl("src"));
        }
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertFalse(attribute.getKey().toLowerCase().startsWith("on"), "inline handler: " + element);
            }
        }
        for (Element link : page.select("link[href]")) {
            assertSameOrigin(link.absUrl("href"));
        }
    }

    @Test
    void whenApiDocsIsOpenedThenTheSwaggerUiFilesItNamesAreServed() {
        Document page = page();
        Element bundle = page.selectFirst("script[src$=swagger-ui-bundle.js]");
        Element stylesheet = page.selectFirst("link[href$=swagger-ui.css]");

        assertNotNull(bundle, "the page loads swagger-ui-bundle.js");
        assertNotNull(stylesheet, "the page loads swagger-ui.css");
        assertServed(bundle.absUrl("src"), "javascript");
        assertServed(stylesheet.absUrl("href"), "text/css");
    }

    @Test
    void whenApiDocsIsOpenedThenItsInitializerReadsTheOpenApiDocument() {
        Element initializer = page().selectFirst("script[src$=api-docs.js]");

        assertNotNull(initializer, "the page loads its own initializer");
        HttpResponse<String> script = assertServed(initializer.absUrl("src"), "javascript");
        assertTrue(script.body().contains("openapi"), script.body());
        assertTrue(script.body().contains("validatorUrl: null"), "no call to an online validator");
    }

    // Every schema the document names for a JSON body agrees with a real body of that kind.
    @Test
    void whenEveryDocumentedSchemaIsComparedWithARealResponseThenTheyAgree() {
        JsonObject document = openApi();
        Map<String, JsonObject> bodies = new LinkedHashMap<>();
        String code = browser.sandboxCode("dave");
        HttpResponse<String> tokens = api.postWithBasic(TokenCalls.TOKEN_PATH, Map.of("grant_type",
                "authorization_code", "code", code, "redirect_uri", SandboxApp.REDIRECT_URI),
                SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
        JsonObject token = json(tokens, 200);
        bodies.put("TokenResponse", token);
        String access = token.getString("access_token");
        bodies.put("IntrospectionResponse",
                json(TokenEndpoints.introspect(api, access, SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET), 200));
        bodies.put("ClientInformation", json(api.postJson("account/register",
                "{\"client_name\":\"Schema App\",\"redirect_uris\":[\"https://schema.example/cb\"]}"), 201));
        bodies.put("Consent", json(api.get("account/consents/" + token.getString("consent_id"),
                "Authorization", Api.basic(SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET)), 200));
        bodies.put("ServerMetadata", json(api.get(".well-known/oauth-authorization-server"), 200));
        bodies.put("OAuthError", json(api.postWithBasic(TokenCalls.TOKEN_PATH, Map.of("grant_type", "password"),
                SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET), 400));
        bodies.put("AccountInfo", json(api.withBearer("account/info", access), 200));
        bodies.put("AccountBalance", json(api.withBearer("account/balance", access), 200));

        List<String> problems = new ArrayList<>();
        bodies.forEach((name, body) -> {
            JsonValue schema = pointer(document, "#/components/schemas/" + name);
            if (!(schema instanceof JsonObject object)) {
                problems.add(name + " is not documented");
            } else {
                agrees(document, object, body, name, problems);
            }
        });
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    private static JsonObject json(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        return Api.json(response);
    }

    /** Whether a value has the schema's type, and an object only documented members and every required one. */
    private static void agrees(JsonObject document, JsonObject schema, JsonValue value, String where,
            List<String> problems) {
        JsonObject resolved = schema.containsKey("$ref") ? (JsonObject) pointer(document, schema.getString("$ref"))
                : schema;
        if (resolved == null) {
            problems.add(where + ": unresolved " + schema);
            return;
        }
        String type = resolved.getString("type", resolved.containsKey("properties") ? "object" : null);
        if (type == null) {
            problems.add(where + ": no type documented");
            return;
        }
        boolean matches = switch (type) {
            case "string" -> value.getValueType() == JsonValue.ValueType.STRING;
            case "integer" -> value instanceof JsonNumber number && number.isIntegral();
            case "number" -> value instanceof JsonNumber;
            case "boolean" -> value == JsonValue.TRUE || value == JsonValue.FALSE;
            case "array" -> value instanceof JsonArray;
            case "object" -> value instanceof JsonObject;
            default -> false;
        };
        if (!matches) {
            problems.add(where + ": documented " + type + ", answered " + value);
            return;
        }
        if (value instanceof JsonArray array && resolved.containsKey("items")) {
            for (int i = 0; i < array.size(); i++) {
                agrees(document, resolved.getJsonObject("items"), array.get(i), where + "[" + i + "]", problems);
            }
        }
        if (value instanceof JsonObject object && resolved.containsKey("properties")) {
            JsonObject properties = resolved.getJsonObject("properties");
            for (String member : object.keySet()) {
                if (!properties.containsKey(member)) {
                    problems.add(where + "." + member + " is answered but not documented");
                } else {
                    agrees(document, properties.getJsonObject(member), object.get(member), where + "." + member,
                            problems);
                }
            }
            for (JsonValue required : resolved.getJsonArray("required") == null ? List.<JsonValue>of()
                    : resolved.getJsonArray("required")) {
                if (!object.containsKey(((JsonString) required).getString())) {
                    problems.add(where + "." + required + " is required but not answered");
                }
            }
        }
    }

    private JsonObject openApi() {
        HttpResponse<String> response = api.get(OPENAPI, "Accept", "application/json");
        assertEquals(200, response.statusCode(), response.body());
        return Api.json(response);
    }

    private Document page() {
        HttpResponse<String> response = api.get(API_DOCS + "/");
        assertEquals(200, response.statusCode(), response.body());
        return Jsoup.parse(response.body(), loopback.resolve(API_DOCS + "/").toString());
    }

    private void assertSameOrigin(String url) {
        URI uri = URI.create(url);
        assertEquals(loopback.getScheme(), uri.getScheme(), url);
        assertEquals(loopback.getHost(), uri.getHost(), url);
        assertEquals(loopback.getPort(), uri.getPort(), url);
    }

    private HttpResponse<String> assertServed(String url, String contentType) {
        HttpResponse<String> response = api.get(URI.create(url).getPath().substring(1));
        assertEquals(200, response.statusCode(), url);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").contains(contentType),
                () -> url + ": " + response.headers().firstValue("Content-Type").orElse("(none)"));
        return response;
    }

    private static Set<String> methods(JsonObject path) {
        Set<String> methods = new TreeSet<>();
        for (String key : path.keySet()) {
            if (Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace").contains(key)) {
                methods.add(key);
            }
        }
        return methods;
    }

    /** A response object itself, or the one its {@code $ref} names. */
    private static JsonObject resolve(JsonObject document, JsonObject object) {
        assertNotNull(object);
        return object.containsKey("$ref") ? (JsonObject) pointer(document, object.getString("$ref")) : object;
    }

    /** The value at a local reference such as {@code #/components/schemas/OAuthError}, or null. */
    private static JsonValue pointer(JsonObject document, String ref) {
        assertTrue(ref.startsWith("#/"), ref);
        JsonValue value = document;
        for (String part : ref.substring(2).split("/")) {
            if (!(value instanceof JsonObject object) || !object.containsKey(part)) {
                return null;
            }
            value = object.get(part);
        }
        return value;
    }

    private static void collectRefs(JsonValue value, List<String> refs) {
        if (value instanceof JsonObject object) {
            object.forEach((key, child) -> {
                if (key.equals("$ref") && child instanceof JsonString ref) {
                    refs.add(ref.getString());
                } else {
                    collectRefs(child, refs);
                }
            });
        } else if (value instanceof JsonArray array) {
            array.forEach(child -> collectRefs(child, refs));
        }
    }

    private static void impossibleConstraints(JsonValue value, String where, List<String> problems) {
        if (value instanceof JsonObject object) {
            if (number(object, "multipleOf") != null && number(object, "multipleOf") <= 0) {
                problems.add(where + " multipleOf " + object.get("multipleOf"));
            }
            for (String name : List.of("maxItems", "minItems", "maxLength", "minLength", "maxProperties")) {
                Double limit = number(object, name);
                boolean unset = limit != null && name.equals("maxProperties") && limit == 0;
                if (limit != null && (limit < 0 || limit >= Integer.MAX_VALUE) || unset) {
                    problems.add(where + " " + name + " " + object.get(name));
                }
            }
            object.forEach((key, child) -> impossibleConstraints(child, where + "/" + key, problems));
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                impossibleConstraints(array.get(i), where + "/" + i, problems);
            }
        }
    }

    private static Double number(JsonObject object, String name) {
        return object.get(name) instanceof JsonNumber number ? number.doubleValue() : null;
    }

    private static Map<String, Set<String>> endpoints(String... pathsAndMethods) {
        Map<String, Set<String>> endpoints = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndMethods.length; i += 2) {
            endpoints.put(pathsAndMethods[i], new TreeSet<>(List.of(pathsAndMethods[i + 1].split(" "))));
        }
        return endpoints;
    }
}
