package io.ledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.LedgerApplication;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerTestHooks;
import io.ledger.app.support.TestDatabaseContainer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The API with {@code LEDGER_AUTH=none}, as behind a gateway that authenticates for it: no token asked for, every call
 * the anonymous caller's. Its own application context, closed after the class.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.auth=none",
            "ledger.rate-limit.per-second=" + OpenAccessIT.PER_SECOND,
            "ledger.cors.allowed-origins=https://shop.example"
        })
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureRestTestClient
@Import({TestDatabaseContainer.class, LedgerTestHooks.class})
@DirtiesContext
class OpenAccessIT {

    static final int PER_SECOND = 5;

    @Autowired
    RestTestClient client;

    @LocalServerPort
    int port;

    @Test
    void callsWithoutATokenGoThroughAndTheirEventsNameAnAnonymousActor() {
        LedgerApi api = LedgerApi.anonymous(client);

        LedgerApi.Answer created = api.post(
                "/api/payments", Map.of("amount", 900, "currency", "eur", "customerId", "cus_" + UUID.randomUUID()));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode events = api.get(
                        "/api/audit/payments/" + created.json().get("id").asString() + "/events")
                .json()
                .get("data");
        assertThat(events).isNotEmpty();
        events.forEach(event ->
                assertThat(event.get("metadata").get("actor").asString()).isEqualTo("anonymous"));
    }

    @Test
    void theStartWarnsThatNoTokenIsAskedFor(CapturedOutput output) {
        assertThat(output.getAll()).contains("LEDGER_AUTH=none: the API asks no caller for a token");
    }

    @Test
    void withoutAuthenticationTheHeadersCorsAndTheRateLimitStillApply() throws InterruptedException {
        LedgerApi anonymous = LedgerApi.anonymous(client);
        LedgerApi.Answer read = anonymous.get("/api/payments");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(read.header("X-Frame-Options")).isEqualTo("DENY");

        EntityExchangeResult<String> foreign = LedgerApi.anonymousClient(client)
                .options()
                .uri("/api/payments")
                .header(HttpHeaders.ORIGIN, "https://elsewhere.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .returnResult(String.class);
        assertThat(foreign.getStatus().value()).isEqualTo(403);
        assertThat(foreign.getResponseHeaders().getAccessControlAllowOrigin()).isNull();

        // Callers without a token share one count: a burst of three seconds' worth is cut off.
        HttpClient http = HttpClient.newHttpClient();
        List<Integer> burst = IntStream.range(0, 3 * PER_SECOND)
                .mapToObj(i -> http.sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/payments/pay_missing"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding()))
                .toList()
                .stream()
                .map(answer -> answer.join().statusCode())
                .toList();
        assertThat(burst).allSatisfy(status -> assertThat(status).isIn(404, 429));
        assertThat(burst).contains(429);
        Thread.sleep(1_100); // a fresh period for the other tests of the class
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/payments/pay_a%3Bb", "/api/payments%2Fx", "/api/payments%5Cx", "/api//payments"})
    void aUrlTheFirewallRefusesIsAProblemToo(String path) throws IOException, InterruptedException {
        // Sent raw: a client library would encode the percent sign again.
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("X-Request-Id", "firewall-" + path.hashCode())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.headers().firstValue("X-Request-Id")).hasValue("firewall-" + path.hashCode());
        JsonNode problem = LedgerApi.JSON.readTree(answer.body());
        assertThat(problem.get("code").asString()).isEqualTo("validation_failed");
        assertThat(problem.get("detail").asString()).contains("not acceptable");
    }
}
