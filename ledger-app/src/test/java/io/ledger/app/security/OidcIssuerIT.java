package io.ledger.app.security;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.LedgerApplication;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerTestHooks;
import io.ledger.app.support.TestDatabaseContainer;
import io.ledger.app.support.TestDatabaseEnvironmentPostProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The ledger taking the tokens of a real OpenID Connect issuer ({@link TestIssuer}: Spring Authorization Server) beside
 * its locally minted ones, in an application context of its own. The ledger starts while the issuer is down, so the
 * first test, which shows what that does, runs first; the others need only that the issuer is up.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.jwt.audience=" + TestIssuer.AUDIENCE,
            "ledger.jwt.secret=" + OidcIssuerIT.SECRET,
            // Its own database: beside the shared context, the two would compete for the projections' tokens and
            // its reads would wait on the other's processors.
            TestDatabaseEnvironmentPostProcessor.OWN_DATABASE + "=oidc_issuer"
        })
@AutoConfigureRestTestClient
@Import({TestDatabaseContainer.class, LedgerTestHooks.class})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcIssuerIT {

    static final String SECRET = "a-local-secret-beside-the-issuer-32-bytes";

    private static final TestIssuer issuer = TestIssuer.onAFreePort();

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void theIssuer(DynamicPropertyRegistry properties) {
        properties.add("ledger.jwt.issuer-uri", issuer::uri);
    }

    @AfterAll
    static void closeTheIssuer() {
        issuer.close();
    }

    @Test
    @Order(1)
    void aLedgerStartedWhileItsIssuerWasDownAnswersItsTokens503UntilItAnswers() {
        // The application context is up although nobody has listened at the issuer's address so far.
        assertThat(new LedgerApi(client).get("/actuator/health").status()).isEqualTo(200);
        String token = issuer.start().token(TestIssuer.SHOP, "payments:read");
        issuer.stop();

        Answer whileDown = as(token).get("/api/payments");
        Answer localWhileDown = as(localToken("operator", "payments:read")).get("/api/payments");
        issuer.start();
        Answer onceUp = as(token).get("/api/payments");

        assertProblem(whileDown, 503, "service_unavailable");
        assertThat(whileDown.json().get("detail").asString())
                .contains("could not be checked", "could not be fetched", issuer.uri(), "Retry later");
        assertThat(whileDown.header(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(localWhileDown.status())
                .as("a locally minted token needs no issuer: %s", localWhileDown)
                .isEqualTo(200);
        assertThat(onceUp.status())
                .as("the same token once the issuer answers: %s", onceUp)
                .isEqualTo(200);
    }

    @Test
    void anIssuersTokenMakesTheCallsItsScopesCoverAsItsSubject() {
        LedgerApi shop = as(up().token(TestIssuer.SHOP, "payments:write payments:read"));
        String customer = "cus_oidc_" + UUID.randomUUID();

        Answer created = shop.post("/api/payments", payment(customer));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().get("id").asString();
        // The read model may lag the command: read-your-writes waits for the created version.
        Answer read = shop.get(
                "/api/payments/" + id,
                "minVersion",
                created.json().get("version").asString());
        JsonNode events = as(localToken("auditor", "audit:read"))
                .get("/api/audit/payments/" + id + "/events")
                .json()
                .get("data");

        assertThat(read.status()).as("%s", read).isEqualTo(200);
        assertThat(read.json().get("customerId").asString()).isEqualTo(customer);
        assertThat(events).isNotEmpty();
        events.forEach(event ->
                assertThat(event.get("metadata").get("actor").asString()).isEqualTo(TestIssuer.SHOP));
    }

    @Test
    void aCallItsScopesDoNotCoverIsForbidden() {
        String customer = "cus_oidc_reader_" + UUID.randomUUID();

        Answer create = as(up().token(TestIssuer.SHOP, "payments:read")).post("/api/payments", payment(customer));

        assertProblem(create, 403, "forbidden");
        assertThat(eventsOf(customer)).isZero();
    }

    @Test
    void aTokenTheIssuerMintedForAnotherAudienceIsRefused() {
        String customer = "cus_oidc_audience_" + UUID.randomUUID();
        LedgerApi reporting = as(up().token(TestIssuer.REPORTING, "payments:write payments:read"));

        Answer create = reporting.post("/api/payments", payment(customer));

        assertProblem(create, 401, "unauthorized");
        assertThat(create.json().get("detail").asString()).contains("aud");
        assertThat(eventsOf(customer)).isZero();
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        try (TestIssuer another = TestIssuer.onAFreePort().start()) {
            Answer answer = as(another.token(TestIssuer.SHOP, "payments:read")).get("/api/payments");

            assertProblem(answer, 401, "unauthorized");
        }
    }

    @Test
    void aTokenSignedWithTheseKeysThatNamesAnotherIssuerIsRefused() {
        Answer answer = as(up().token(TestIssuer.OTHER_TENANT, "payments:read")).get("/api/payments");

        assertProblem(answer, 401, "unauthorized");
        assertThat(answer.json().get("detail").asString()).contains("iss");
    }

    @Test
    void anExpiredTokenIsRefused() {
        Answer answer = as(up().token(TestIssuer.LATE, "payments:read")).get("/api/payments");

        assertProblem(answer, 401, "unauthorized");
        assertThat(answer.json().get("detail").asString()).contains("expired");
    }

    @Test
    void aRotatedSigningKeyIsTakenWithoutARestart() {
        String before = up().token(TestIssuer.SHOP, "payments:read");
        assertThat(as(before).get("/api/payments").status()).isEqualTo(200); // the JWKS is now cached
        String oldKey = issuer.signingKeyId();

        issuer.rotateToANewRsaKey();
        String after = issuer.token(TestIssuer.SHOP, "payments:read");

        assertThat(issuer.signingKeyId()).isNotEqualTo(oldKey);
        assertThat(as(after).get("/api/payments").status())
                .as("a token of the new key")
                .isEqualTo(200);
        assertThat(as(before).get("/api/payments").status())
                .as("a token of the old key, still published")
                .isEqualTo(200);
    }

    @Test
    void anIssuerThatMovesToEllipticCurveKeysIsFollowedWithoutARestart() {
        assertThat(as(up().token(TestIssuer.SHOP, "payments:read"))
                        .get("/api/payments")
                        .status())
                .isEqualTo(200);

        issuer.rotateToAnEllipticCurveKey();
        Answer answer = as(issuer.token(TestIssuer.SHOP, "payments:read")).get("/api/payments");

        assertThat(answer.status()).as("an ES256 token: %s", answer).isEqualTo(200);
    }

    private static TestIssuer up() {
        return issuer.start();
    }

    private LedgerApi as(String token) {
        return new LedgerApi(client.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build());
    }

    private static String localToken(String subject, String scope) {
        return TokenCommand.mint(SECRET, subject, scope, Duration.ofMinutes(10), Instant.now());
    }

    private static Map<String, Object> payment(String customer) {
        return Map.of("amount", 1_500, "currency", "usd", "customerId", customer);
    }

    private long eventsOf(String customer) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload ->> 'customerId' = ?")
                .param(customer)
                .query(Long.class)
                .single();
    }
}
