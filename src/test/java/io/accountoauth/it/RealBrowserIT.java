package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The flow in a real browser (Debian's Chromium, headless): the customer logs in on the authorization page,
 * allows the app, lands on the app's redirect with a code, and later takes the consent back on the dashboard.
 * Script in {@code state} or in a registered app's name shows as text and never runs. A small HTTP server on
 * loopback plays the app's redirect endpoint. Screenshots of every page go to target/screenshots.
 */
@ExtendWith(ChromiumRequired.class)
class RealBrowserIT extends DeployedWar {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "\"><img src=x onerror=alert(1)>";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    static WebDriver driver;
    static HttpServer app;
    static Path profile;
    static Path screenshots;

    URI root;
    String testName;
    int step;

    @BeforeAll
    static void startBrowserAndApp() throws IOException {
        screenshots = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(screenshots);
        app = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        app.createContext("/cb", exchange -> {
            // The app's redirect endpoint: shows what it was sent, as plain text
            Map<String, String> query = Queries.parse(exchange.getRequestURI().getRawQuery());
            String text = "The app received:\n" + query.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        app.start();

        profile = Files.createTempDirectory("chromium-profile");
        System.setProperty("webdriver.chrome.driver", ChromiumRequired.DRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumRequired.BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(ChromiumRequired.DRIVER)).build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1100, 900));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowserAndApp() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (app != null) {
            app.stop(0);
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void setUp(TestInfo info) {
        root = server();
        api = new Api(root);
        String display = info.getDisplayName();
        testName = info.getTestMethod().map(m -> m.getName()).orElse("test")
                + (display.startsWith("[") ? "-" + display.substring(1, display.indexOf(']')) : "");
        step = 0;
        driver.manage().deleteAllCookies();
    }

    private String redirectUri() {
        return "http://127.0.0.1:" + app.getAddress().getPort() + "/cb";
    }

    // RFC 6749 §4.1: the whole customer side in a browser, then RFC 7009-style revocation by the customer.
    @Test
    void whenTheCustomerAllowsInTheBrowserThenTheAppGetsACodeAndTheDashboardRevokesTheConsent() {
        Map<String, String> query = request(SandboxApp.CLIENT_ID, "browser-state");
        Map<String, String> callback = approve(query, "dave");
        assertEquals("browser-state", callback.get("state"));
        assertEquals(TokenCalls.issuer(root), callback.get("iss"));
        String code = callback.get("code");
        assertNotNull(code, driver.getCurrentUrl());

        HttpResponse<String> tokens = api.accessToken(code, SandboxApp.CLIENT_ID, SandboxApp.CLIENT_SECRET);
        assertEquals(200, tokens.statusCode(), tokens.body());
        String accessToken = Api.json(tokens).getString("access_token");
        String consentId = Api.json(tokens).getString("consent_id");
        assertEquals(200, api.withBearer("account/balance", accessToken).statusCode());

        openDashboard("dave");
        WebElement section = driver.findElement(By.id("consent-" + consentId));
        assertEquals("AUTHORISED", section.getAttribute("data-status"));
        section.findElement(By.cssSelector("input.revoke")).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#consent-" + consentId + "[data-status=REVOKED]")));
        screenshot("revoked");
        assertNoScriptRan();
        assertEquals(401, api.withBearer("account/balance", accessToken).statusCode(),
                "no token outlives its consent");
    }

    // The app's state comes back as it was sent; no page on the way runs it.
    @ParameterizedTest
    @ValueSource(strings = {SCRIPT, IMG})
    void whenStateHoldsScriptThenNoPageRunsItAndTheAppGetsItBackAsText(String payload) {
        Map<String, String> callback = approve(request(SandboxApp.CLIENT_ID, payload), "jane");
        assertEquals(payload, callback.get("state"));
        assertTrue(pageText().contains("state=" + payload), pageText());
        assertNotNull(callback.get("code"));
    }

    // RFC 7591 §5: a registered client_name is shown to the customer, as text only.
    @ParameterizedTest
    @ValueSource(strings = {SCRIPT, IMG})
    void whenAnAppNameHoldsScriptThenEveryPageShowsItAsText(String payload) {
        JsonObject metadata = Json.createObjectBuilder().add("client_name", payload)
                .add("redirect_uris", Json.createArrayBuilder().add(redirectUri())).build();
        HttpResponse<String> registered = api.postJson("account/register", metadata.toString());
        assertEquals(201, registered.statusCode(), registered.body());
        assertEquals(payload, Api.json(registered).getString("client_name"));
        String clientId = Api.json(registered).getString("client_id");

        driver.get(root.resolve("account/authorize?" + Browser.form(request(clientId, "s"))).toString());
        waitForPath("/login.xhtml");
        screenshot("login");
        assertShownAsText(payload);
        logIn("dave");
        waitForPath("/consent.xhtml");
        screenshot("consent");
        assertShownAsText(payload);
        driver.findElement(By.id("consent:allow")).click();
        waitForCallback();
        screenshot("callback");

        openDashboard("dave");
        assertShownAsText(payload);
    }

    // ---------------------------------------------------------------- steps

    private Map<String, String> request(String clientId, String state) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri());
        query.put("state", state);
        query.put("prompt", "consent");
        return query;
    }

    /** Authorize, log in and allow in the browser; returns what the app's redirect endpoint received. */
    private Map<String, String> approve(Map<String, String> query, String customer) {
        driver.get(root.resolve("account/authorize?" + Browser.form(query)).toString());
        waitForPath("/login.xhtml");
        screenshot("login");
        assertNoScriptRan();
        logIn(customer);
        waitForPath("/consent.xhtml");
        screenshot("consent");
        assertNoScriptRan();
        driver.findElement(By.id("consent:allow")).click();
        waitForCallback();
        screenshot("callback");
        assertNoScriptRan();
        return Queries.parse(URI.create(driver.getCurrentUrl()).getRawQuery());
    }

    private void logIn(String customer) {
        driver.findElement(By.id("login:username")).sendKeys(customer);
        driver.findElement(By.id("login:password")).sendKeys("any password");
        driver.findElement(By.id("login:signIn")).click();
    }

    /** The dashboard, logged in as the customer (its own login). */
    private void openDashboard(String customer) {
        driver.get(root.resolve("account/consents").toString());
        if (driver.findElements(By.id("session")).isEmpty()) {
            screenshot("dashboard-login");
            logIn(customer);
            new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("session")));
        }
        screenshot("dashboard");
        assertNoScriptRan();
    }

    private void waitForPath(String path) {
        new WebDriverWait(driver, WAIT).until(d -> URI.create(d.getCurrentUrl()).getPath().endsWith(path));
    }

    private void waitForCallback() {
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().startsWith(redirectUri()));
    }

    private String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The text is on the page as written, and nothing in it became markup or ran. */
    private void assertShownAsText(String payload) {
        assertNoScriptRan();
        assertTrue(pageText().contains(payload), () -> "'" + payload + "' not shown as text on "
                + driver.getCurrentUrl() + ":\n" + pageText());
    }

    private void assertNoScriptRan() {
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert(),
                "an alert was raised on " + driver.getCurrentUrl());
        assertTrue(driver.findElements(By.cssSelector("img[src='x']")).isEmpty(), "an injected image");
        assertTrue(driver.findElements(By.xpath("//script[contains(., 'alert(1)')]")).isEmpty(),
                "an injected script element");
    }

    private void screenshot(String name) {
        step++;
        Path target = screenshots.resolve(String.format("RealBrowserIT-%s-%02d-%s.png", testName, step, name));
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
