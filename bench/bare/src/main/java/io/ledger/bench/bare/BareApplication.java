package io.ledger.bench.bare;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Spring MVC does on this machine without the ledger's code, measured beside it by {@code bench/compare.sh}:
 * {@code GET /hello} answers a small JSON map and touches no database; {@code POST /api/payments} does a create's
 * durable work (parse the ledger's create body, one event row and one idempotency row in one transaction, 201 JSON).
 */
@SpringBootApplication
@RestController
public class BareApplication {

    /** The ledger's create body (command-side's {@code CreatePaymentBody}), without its validation. */
    record CreateBody(
            Long amount,
            String currency,
            String customerId,
            String orderId,
            String description,
            Map<String, String> metadata,
            String paymentMethod,
            Boolean confirm) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    BareApplication(JdbcTemplate jdbc, TransactionTemplate transaction, JsonMapper json) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
    }

    public static void main(String[] args) {
        SpringApplication.run(BareApplication.class, args);
    }

    @GetMapping("/hello")
    Map<String, Object> hello() {
        return Map.of("status", "ok", "service", "bare", "time", Instant.now().toString());
    }

    @PostMapping(path = "/api/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> create(@RequestHeader("Idempotency-Key") String key, @RequestBody byte[] body) {
        CreateBody create = json.readValue(body, CreateBody.class);
        String id = "pay_" + UUID.randomUUID().toString().replace("-", "");
        String now = Instant.now().toString();
        Map<String, Object> money =
                Map.of("minor", create.amount(), "currency", create.currency().toUpperCase());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("paymentId", id);
        event.put("amount", money);
        event.put("customerId", create.customerId());
        event.put("orderId", create.orderId());
        event.put("description", create.description());
        event.put("metadata", create.metadata() == null ? Map.of() : create.metadata());
        event.put("paymentMethod", create.paymentMethod());
        event.put("provider", "simulated");
        event.put("providerPaymentId", "sim_" + id);
        // The ledger's answer, field for field (about 600 bytes): the client gets it and the idempotency row keeps it.
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("status", Boolean.TRUE.equals(create.confirm()) ? "succeeded" : "requires_confirmation");
        answer.put("amount", create.amount());
        answer.put("currency", create.currency());
        answer.put("amountRefunded", 0);
        answer.put("customerId", create.customerId());
        answer.put("orderId", create.orderId());
        answer.put("description", create.description());
        answer.put("metadata", event.get("metadata"));
        answer.put("provider", "simulated");
        answer.put("providerPaymentId", "sim_" + id);
        answer.put("failure", null);
        answer.put("refunds", List.of());
        Map<String, Object> reconciliation = new LinkedHashMap<>();
        reconciliation.put("status", "unreconciled");
        for (String field : List.of("settlementId", "fee", "netAmount", "settledAt")) {
            reconciliation.put(field, null);
        }
        answer.put("reconciliation", reconciliation);
        answer.put("createdAt", now);
        answer.put("updatedAt", now);
        answer.put("version", 2);
        answer.put("clientSecret", "sim_" + id + "_secret_" + UUID.randomUUID());
        String answered = json.writeValueAsString(answer);
        String location = "/api/payments/" + id;
        transaction.executeWithoutResult(status -> {
            jdbc.update(
                    "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                            + " time_stamp, payload_type, payload, meta_data)"
                            + " VALUES (?, ?, 0, 'Payment', ?, 'io.ledger.api.payment.PaymentCreated', ?::jsonb, ?::jsonb)",
                    UUID.randomUUID().toString(),
                    id,
                    now,
                    json.writeValueAsString(event),
                    json.writeValueAsString(Map.of(
                            "actor",
                            "bench",
                            "source",
                            "api",
                            "causationId",
                            UUID.randomUUID().toString(),
                            "correlationId",
                            UUID.randomUUID().toString())));
            jdbc.update(
                    "INSERT INTO idempotency_key (scope, idempotency_key, fingerprint, response_status,"
                            + " response_location, response_body) VALUES ('bench', ?, ?, 201, ?, ?)",
                    key,
                    sha256(body),
                    location,
                    answered);
        });
        return ResponseEntity.created(URI.create(location))
                .contentType(MediaType.APPLICATION_JSON)
                .body(answered);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
