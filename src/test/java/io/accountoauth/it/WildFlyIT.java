package io.accountoauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The WAR as Maven built it, unchanged and without the test clock, on WildFly ({@link WildFlyServer}): the checks of
 * the Payara Micro suite, run over HTTP against WildFly, for the seed flow, PKCE and refresh tokens at the standard
 * token endpoint, consents and the customer's dashboard, the demo app and the API documentation; and MicroProfile
 * Health, which WildFly answers on its management port. Only the checks that need no movable clock and no test-only
 * client are taken; each runs on a fresh instance of its class after that class's own set-up, as JUnit runs it.
 */
class WildFlyIT {

    static WildFlyServer wildfly;

    @BeforeAll
    static void start() {
        wildfly = WildFlyServer.start();
    }

    @AfterAll
    static void stop() {
        if (wildfly != null) {
            wildfly.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> seedFlow() {
        return Stream.of(
                check("dave", SeedFlowIT::new, SeedFlowIT::setUp,
                        SeedFlowIT::whenDaveApprovesTheSeedAppThenItReadsDavesInfoAndBalance),
                check("jane", SeedFlowIT::new, SeedFlowIT::setUp,
                        SeedFlowIT::whenJaneApprovesThenHerInfoNamesHerAsOwner));
    }

    @TestFactory
    Stream<DynamicTest> tokenEndpointWithPkce() {
        return Stream.of(
                check("S256 proven", PkceIT::new, PkceIT::setUp,
                        PkceIT::whenConfidentialClientProvesTheS256ChallengeThenTokenIssued),
                check("plain refused", PkceIT::new, PkceIT::setUp, PkceIT::whenMethodIsPlainThenInvalidRequest),
                check("wrong verifier", PkceIT::new, PkceIT::setUp,
                        PkceIT::whenVerifierIsWrongThenInvalidGrantAndTheRightVerifierFailsAfterwards),
                check("missing verifier", PkceIT::new, PkceIT::setUp,
                        PkceIT::whenVerifierIsMissingForACodeIssuedWithAChallengeThenInvalidGrant),
                check("downgrade", PkceIT::new, PkceIT::setUp,
                        PkceIT::whenVerifierIsSentForACodeIssuedWithoutAChallengeThenInvalidGrant));
    }

    @TestFactory
    Stream<DynamicTest> refreshTokens() {
        return Stream.of(
                check("rotation", RefreshTokenIT::new, RefreshTokenIT::setUp,
                        RefreshTokenIT::whenRefreshedThenNewTokensAreIssuedAndTheOldRefreshTokenIsEnded),
                check("reuse ends the grant", RefreshTokenIT::new, RefreshTokenIT::setUp,
                        RefreshTokenIT::whenAnEndedRefreshTokenIsReusedThenTheWholeGrantIsRevoked),
                check("narrower scope", RefreshTokenIT::new, RefreshTokenIT::setUp,
                        RefreshTokenIT::whenRefreshedWithANarrowerScopeThenTheTokenReachesOnlyThatScope),
                check("wider scope refused", RefreshTokenIT::new, RefreshTokenIT::setUp,
                        RefreshTokenIT::whenRefreshAsksForMoreThanTheGrantThenInvalidScope),
                check("none from the original call", RefreshTokenIT::new, RefreshTokenIT::setUp,
                        RefreshTokenIT::whenTheLegacyCallIssuesATokenThenItIssuesNoRefreshToken));
    }

    @TestFactory
    Stream<DynamicTest> consentsAndDashboard() {
        return Stream.of(
                check("part granted", ConsentIT::new, ConsentIT::setUp,
                        ConsentIT::whenCustomerUnticksBalanceThenTheTokenAndTheConsentCoverInfoOnly),
                check("nothing granted", ConsentIT::new, ConsentIT::setUp,
                        ConsentIT::whenCustomerGrantsNothingThenAccessDeniedAndTheConsentIsRejected),
                check("remembered", ConsentIT::new, ConsentIT::setUp,
                        ConsentIT::whenConsentIsRememberedThenTheSecondAuthorizationSkipsTheConsentPage),
                check("revoked on the dashboard", ConsentIT::new, ConsentIT::setUp,
                        ConsentIT::whenCustomerRevokesOnTheDashboardThenEveryTokenUnderTheConsentStops),
                check("given up by the app", ConsentIT::new, ConsentIT::setUp,
                        ConsentIT::whenAppDeletesTheConsentThenItIsRevokedByTheClientAndItsTokensStop),
                check("status follows use and revocation", ConsentIT::new, ConsentIT::setUp,
                        ConsentIT::whenTheConsentIsUsedAndRevokedThenTheAppsStatusCallReflectsEachChange),
                check("dashboard session", ConsentIT::new, ConsentIT::setUp,
                        ConsentIT::whenLoggedInToTheDashboardThenAnAppsRequestStillAsksToLogInAndLogoutNeedsLoginAgain),
                check("one login for app and dashboard", ConsentIT::new, ConsentIT::setUp,
                        ConsentIT::whenLoggedInForAnAppsRequestThenTheDashboardShowsThatCustomerUntilLogout));
    }

    /** In DemoAppIT's order: the first one needs a customer who has not yet allowed the demo app. */
    @TestFactory
    Stream<DynamicTest> demoApp() {
        return Stream.of(
                check("denied", DemoAppIT::new, DemoAppIT::setUp,
                        DemoAppIT::whenTheCustomerDeniesThenTheDemoShowsAccessDeniedAndOffersToStartOver),
                check("dave connects", DemoAppIT::new, DemoAppIT::setUp, demo -> demo
                        .whenACustomerConnectsThenTheDemoShowsTheirBalanceAndEveryStep("dave", "Dave Thompson",
                                "10,187.91")),
                check("jane connects", DemoAppIT::new, DemoAppIT::setUp, demo -> demo
                        .whenACustomerConnectsThenTheDemoShowsTheirBalanceAndEveryStep("jane", "Jane Hamamoto",
                                "981,719.23")),
                check("secrets masked, refresh", DemoAppIT::new, DemoAppIT::setUp,
                        DemoAppIT::whenTheDemoRunsThenItsPagesShowSecretsOnlyMaskedAndCarryNoInlineScript),
                check("page with or without slash", DemoAppIT::new, DemoAppIT::setUp,
                        DemoAppIT::whenOpenedWithOrWithoutTheSlashThenTheDemoPageAnswersAndIsNotCached),
                check("unrequested callback", DemoAppIT::new, DemoAppIT::setUp,
                        DemoAppIT::whenACallbackArrivesWithoutARequestThenTheAppIgnoresIt),
                check("state mismatch", DemoAppIT::new, DemoAppIT::setUp,
                        DemoAppIT::whenTheStateDoesNotMatchThenTheAppStopsBeforeTheTokenRequest),
                check("issuer as the browser sees it", DemoAppIT::new, DemoAppIT::setUp, demo -> {
                    try {
                        demo.whenTheBrowserUsesLocalhostThenTheAppChecksIssAgainstTheIssuerTheBrowserSees();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> apiDocumentation() {
        return Stream.of(
                check("JSON document", ApiDocsIT::new, ApiDocsIT::setUp,
                        ApiDocsIT::whenOpenApiIsAskedForJsonThenJsonDocument),
                check("every endpoint", ApiDocsIT::new, ApiDocsIT::setUp,
                        ApiDocsIT::whenOpenApiIsReadThenEveryEndpointIsListedWithItsMethods),
                check("every operation described", ApiDocsIT::new, ApiDocsIT::setUp,
                        ApiDocsIT::whenOpenApiIsReadThenEveryOperationIsDescribedWithASuccessAndAnError),
                check("OAuth error body", ApiDocsIT::new, ApiDocsIT::setUp,
                        ApiDocsIT::whenOpenApiIsReadThenErrorsAreTheOAuthErrorBody),
                check("Bearer challenge", ApiDocsIT::new, ApiDocsIT::setUp,
                        ApiDocsIT::whenOpenApiIsReadThenAccountApiRefusalsCarryTheChallenge),
                check("Retry-After", ApiDocsIT::new, ApiDocsIT::setUp,
                        ApiDocsIT::whenOpenApiIsReadThenRegistrationLimitSaysWhenToRetry),
                check("token form fields", ApiDocsIT::new, ApiDocsIT::setUp,
                        ApiDocsIT::whenOpenApiIsReadThenTokenFormFieldsAreDescribed),
                check("security schemes", ApiDocsIT::new, ApiDocsIT::setUp,
                        ApiDocsIT::whenOpenApiIsReadThenBearerAndBasicSchemesAreDefined),
                check("references resolve", ApiDocsIT::new, ApiDocsIT::setUp,
                        ApiDocsIT::whenOpenApiIsReadThenEveryReferenceResolves),
                check("no impossible constraints", ApiDocsIT::new, ApiDocsIT::setUp,
                        ApiDocsIT::whenOpenApiIsReadThenNoSchemaCarriesImpossibleConstraints),
                check("api-docs redirect", ApiDocsIT::new, ApiDocsIT::setUp,
                        ApiDocsIT::whenApiDocsIsOpenedWithoutSlashThenRedirectToThePage),
                check("api-docs page", ApiDocsIT::new, ApiDocsIT::setUp,
                        ApiDocsIT::whenApiDocsIsOpenedThenHtmlPage),
                check("api-docs scripts", ApiDocsIT::new, ApiDocsIT::setUp,
                        ApiDocsIT::whenApiDocsIsOpenedThenEveryScriptIsASameOriginFile),
                check("Swagger UI files", ApiDocsIT::new, ApiDocsIT::setUp,
                        ApiDocsIT::whenApiDocsIsOpenedThenTheSwaggerUiFilesItNamesAreServed),
                check("Swagger UI initializer", ApiDocsIT::new, ApiDocsIT::setUp,
                        ApiDocsIT::whenApiDocsIsOpenedThenItsInitializerReadsTheOpenApiDocument));
    }

    // WildFly answers MicroProfile Health on its management port, with its own checks beside the application's.
    @Test
    void whenHealthIsAskedOnTheManagementPortThenTheApplicationsChecksAreUp() {
        Api management = new Api(wildfly.management());

        JsonObject live = health(management, "health/live");
        assertEquals("UP", HealthIT.check(live, "application").getString("status"));

        JsonObject ready = health(management, "health/ready");
        assertEquals("UP", HealthIT.check(ready, "database").getString("status"));
        assertTrue(HealthIT.data(HealthIT.check(ready, "database"), "clients") >= 1, ready.toString());
        JsonObject store = HealthIT.check(ready, "token-store");
        assertEquals("UP", store.getString("status"));
        assertEquals("local", store.getJsonObject("data").getString("store"), store.toString());
        assertEquals(1, HealthIT.data(store, "members"));
    }

    // WildFly has no Payara data grid: the server keeps codes and tokens in its own memory, and says so at start-up
    // (when the store is first used, at the latest by the first clean-up round, 5 s after deployment). The classes that
    // use the grid's types are never loaded, and the deployment's scanning passes them by.
    @Test
    void whenTheServerHasNoDataGridThenTheStartUpLogSaysTheTokenStoreIsLocalAndNamesNoGridType()
            throws InterruptedException {
        String local = "Codes, access tokens and throttles are in this node's memory";
        Instant deadline = Instant.now().plusSeconds(30);
        while (!wildfly.log().contains(local) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        String log = wildfly.log();

        assertTrue(log.contains(local), "the start-up log names the token store");
        assertFalse(log.contains("com.hazelcast") || log.contains("javax.cache"), "the log names a grid type");
    }

    /** {@code status} UP overall: WildFly's own checks (boot errors, deployments) and the application's. */
    private static JsonObject health(Api management, String path) {
        HttpResponse<String> response = management.get(path, "Accept", "application/json");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = Api.json(response);
        assertEquals("UP", health.getString("status"), response.body());
        return health;
    }

    /**
     * One check of the Payara suite on WildFly: a new instance of its test class, pointed at WildFly, its set-up
     * (which resets a test clock this WAR does not have: a request answered 404 and ignored), then the check.
     */
    private static <T extends DeployedWar> DynamicTest check(String name, Supplier<T> test, Consumer<T> setUp,
            Consumer<T> check) {
        return dynamicTest(name, () -> {
            T instance = test.get();
            instance.base = wildfly.base().toURL();
            instance.connect();
            setUp.accept(instance);
            check.accept(instance);
        });
    }
}
