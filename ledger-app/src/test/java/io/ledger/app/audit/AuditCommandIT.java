package io.ledger.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The auditor's command line, run in-process against the database of the running ledger: it starts its own Spring
 * context without a web server, prints results on standard output and answers with its exit code.
 */
@LedgerIntegrationTest
class AuditCommandIT {

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Test
    void verifyExportAndReplayWorkAgainstTheDatabaseAlone() throws InterruptedException {
        LedgerApi api = new LedgerApi(client);
        Instant beforeCreation = Instant.now();
        Thread.sleep(5);
        String id = api.post(
                        "/api/payments",
                        Map.of("amount", 6_600, "currency", "usd", "customerId", "cus_cli_" + UUID.randomUUID()))
                .json()
                .get("id")
                .asString();
        api.post("/api/payments/" + id + "/confirm", Map.of("paymentMethod", "pm_card_visa"));
        long last = jdbc.sql("SELECT max(global_index) FROM domain_event_entry")
                .query(Long.class)
                .single();
        waitUntil(() -> jdbc.sql("SELECT global_index FROM audit_chain_head")
                        .query(Long.class)
                        .single()
                >= last);

        Run verify = run("verify");
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        JsonNode report = LedgerApi.JSON.readTree(verify.out());
        assertThat(report.get("chainValid").asBoolean()).isTrue();
        assertThat(report.get("readModelsConsistent").asBoolean()).isTrue();
        assertThat(report.get("chain").get("chainHeadIndex").asLong()).isGreaterThanOrEqualTo(last);
        assertThat(report.get("eventsChecked").asLong())
                .isEqualTo(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE global_index <= ?")
                        .param(report.get("chain").get("chainHeadIndex").asLong())
                        .query(Long.class)
                        .single());

        Run export = run("export", "--after-index", Long.toString(last - 2));
        assertThat(export.exitCode()).as(export.err()).isZero();
        List<JsonNode> lines = lines(export.out());
        assertThat(lines).extracting(line -> line.get("globalIndex").asLong()).startsWith(last - 1, last);
        assertThat(lines.get(1).get("aggregateId").asString()).isEqualTo(id);
        assertThat(lines.get(1).get("type").asString()).isEqualTo("PaymentSucceeded");

        Run now = run("replay", "--as-of", Instant.now().toString());
        assertThat(now.exitCode()).as(now.err()).isZero();
        List<JsonNode> state = lines(now.out());
        assertThat(state.get(0).get("trialBalance").get("balanced").asBoolean()).isTrue();
        assertThat(state.get(0).get("accounts").get("data").size()).isPositive();
        assertThat(state.stream()
                        .skip(1)
                        .filter(payment -> payment.get("id").asString().equals(id)))
                .singleElement()
                .satisfies(
                        payment -> assertThat(payment.get("status").asString()).isEqualTo("succeeded"));
        Run before = run("replay", "--as-of", beforeCreation.toString());
        assertThat(before.exitCode()).as(before.err()).isZero();
        assertThat(lines(before.out()).stream()
                        .skip(1)
                        .map(payment -> payment.get("id").asString()))
                .doesNotContain(id);

        jdbc.sql("UPDATE domain_event_entry SET time_stamp = '2020-01-01T00:00:00.000Z' WHERE global_index = ?")
                .param(last)
                .update();
        String stamp;
        try {
            Run tampered = run("verify", "--chain-only");
            assertThat(tampered.exitCode()).isEqualTo(1);
            JsonNode mismatch =
                    LedgerApi.JSON.readTree(tampered.out()).get("mismatches").get(0);
            assertThat(mismatch.get("globalIndex").asLong()).isEqualTo(last);
            assertThat(mismatch.get("aggregateId").asString()).isEqualTo(id);
            assertThat(mismatch.get("differs").toString()).isEqualTo("[\"timeStamp\"]");
        } finally {
            stamp = jdbc.sql("SELECT time_stamp FROM audit_chain WHERE global_index = ?")
                    .param(last)
                    .query(String.class)
                    .single();
            jdbc.sql("UPDATE domain_event_entry SET time_stamp = ? WHERE global_index = ?")
                    .params(stamp, last)
                    .update();
        }
        assertThat(run("verify", "--chain-only").exitCode()).isZero();
    }

    @Test
    void aWrongCommandLineIsAUsageError() {
        Run unknown = run("rewrite-history");
        Run noInstant = run("replay");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("usage:");
        assertThat(noInstant.exitCode()).isEqualTo(2);
        assertThat(noInstant.err()).contains("--as-of");
        assertThat(run().exitCode()).isEqualTo(2);
    }

    private Run run(String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.add("--spring.datasource.url=" + environment.getProperty("spring.datasource.url"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AuditCommand.run(
                arguments.toArray(String[]::new), out, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> lines(String ndjson) {
        return ndjson.lines()
                .filter(line -> !line.isBlank())
                .map(LedgerApi.JSON::readTree)
                .toList();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private record Run(int exitCode, String out, String err) {}
}
