package io.ledger.app;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static io.ledger.app.support.LedgerApi.newIdempotencyKey;
import static io.ledger.app.support.LedgerApi.newRequestId;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.LedgerIntegrationTest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Requests the contract rejects: each answers its problem, and leaves nothing behind (no event, no idempotency row),
 * although each is sent with an Idempotency-Key.
 */
@LedgerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidationIT {

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    LedgerApi api;
    LedgerDb db;
    final Map<String, String> payments = new HashMap<>();

    @BeforeAll
    void paymentsToAimAt() {
        api = new LedgerApi(client);
        db = new LedgerDb(jdbc);
        payments.put("{pending}", createdId(Map.of("amount", 5000, "currency", "usd", "customerId", "cus_validation")));
        payments.put(
                "{succeeded}",
                createdId(Map.of(
                        "amount",
                        5000,
                        "currency",
                        "usd",
                        "customerId",
                        "cus_validation",
                        "paymentMethod",
                        "pm_card_visa",
                        "confirm",
                        true)));
        payments.put("{unknown}", "pay_" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** A request, and the field its problem must name (null: none can be named). */
    record Invalid(String path, Object body, String field) {}

    Stream<Named<Invalid>> invalidRequests() {
        Map<String, Object> valid = Map.of("amount", 1999, "currency", "usd", "customerId", "cus_1");
        Map<String, String> manyKeys = new LinkedHashMap<>();
        IntStream.rangeClosed(1, 51).forEach(i -> manyKeys.put("key" + i, "value"));
        Map<String, Object> settlement = Map.of(
                "settlementId",
                "st_1",
                "grossAmount",
                5000,
                "fee",
                150,
                "netAmount",
                4850,
                "settledAt",
                "2026-11-20T00:00:00Z");
        String create = "/api/payments";
        String refund = "/api/payments/{succeeded}/refunds";
        String reconcile = "/api/payments/{succeeded}/reconcile";
        String fail = "/api/payments/{pending}/fail";
        return Stream.of(
                invalid("unknown field", create, with(valid, "colour", "red"), "colour"),
                invalid("amount as a string", create, with(valid, "amount", "100"), "amount"),
                invalid(
                        "amount as a float",
                        create,
                        "{\"amount\":19.99,\"currency\":\"usd\",\"customerId\":\"c\"}",
                        "amount"),
                invalid(
                        "amount with a zero fraction",
                        create,
                        "{\"amount\":1999.0,\"currency\":\"usd\",\"customerId\":\"c\"}",
                        "amount"),
                invalid("zero amount", create, with(valid, "amount", 0), "amount"),
                invalid("negative amount", create, with(valid, "amount", -1999), "amount"),
                invalid("missing amount", create, Map.of("currency", "usd", "customerId", "c"), "amount"),
                invalid("unknown currency", create, with(valid, "currency", "xyz"), "currency"),
                invalid("missing currency", create, Map.of("amount", 1999, "customerId", "c"), "currency"),
                invalid("nine-digit amount", create, with(valid, "amount", 100_000_000), "amount"),
                invalid(
                        "three-decimal amount not ending in 0",
                        create,
                        with(with(valid, "currency", "kwd"), "amount", 1995),
                        "amount"),
                invalid("below Stripe's minimum", create, with(valid, "amount", 49), "amount"),
                invalid("metadata with 51 keys", create, with(valid, "metadata", manyKeys), "metadata"),
                invalid(
                        "metadata value over 500 characters",
                        create,
                        with(valid, "metadata", Map.of("note", "x".repeat(501))),
                        "metadata"),
                invalid("malformed JSON", create, "{\"amount\": 1999, \"currency\": \"usd\",", null),
                invalid("missing customerId", create, Map.of("amount", 1999, "currency", "usd"), "customerId"),
                invalid("blank customerId", create, with(valid, "customerId", " "), "customerId"),
                invalid("NUL character in customerId", create, with(valid, "customerId", "cus\u0000x"), "customerId"),
                invalid(
                        "NUL character in a metadata key",
                        create,
                        with(valid, "metadata", Map.of("k\u0000", "v")),
                        "metadata"),
                invalid("confirm as a string", create, with(valid, "confirm", "yes"), "confirm"),
                invalid("customerId as a number", create, with(valid, "customerId", 123), "customerId"),
                invalid("description as a boolean", create, with(valid, "description", true), "description"),
                invalid("metadata value as a number", create, with(valid, "metadata", Map.of("a", 1)), "metadata.a"),
                invalid(
                        "metadata value as a float",
                        create,
                        "{\"amount\":1999,\"currency\":\"usd\",\"customerId\":\"c\",\"metadata\":{\"a\":1.5}}",
                        "metadata.a"),
                invalid("refund reason as a number", refund, Map.of("amount", 500, "reason", 7), "reason"),
                invalid(
                        "unknown field on confirm",
                        "/api/payments/{pending}/confirm",
                        Map.of("paymentMethodId", "pm_card_visa"),
                        "paymentMethodId"),
                invalid(
                        "unknown payment method",
                        "/api/payments/{pending}/confirm",
                        Map.of("paymentMethod", "pm_card_bogus"),
                        "paymentMethod"),
                invalid(
                        "create confirmed with an unknown payment method",
                        create,
                        with(with(valid, "paymentMethod", "pm_card_bogus"), "confirm", true),
                        "paymentMethod"),
                invalid(
                        "a card number as the payment method",
                        "/api/payments/{pending}/confirm",
                        Map.of("paymentMethod", "4242424242424242"),
                        "paymentMethod"),
                invalid(
                        "create with a card number as the payment method",
                        create,
                        with(valid, "paymentMethod", "4242 4242 4242 4242"),
                        "paymentMethod"),
                invalid(
                        "create confirmed without a payment method",
                        create,
                        with(valid, "confirm", true),
                        "paymentMethod"),
                invalid("zero refund", refund, Map.of("amount", 0), "amount"),
                invalid("refund amount as a float", refund, "{\"amount\": 10.5}", "amount"),
                invalid("refund amount as a string", refund, Map.of("amount", "500"), "amount"),
                invalid("unknown field on refund", refund, Map.of("amount", 500, "note", "x"), "note"),
                invalid("refund in an unknown currency", refund, Map.of("amount", 500, "currency", "xyz"), "currency"),
                invalid("gross is not fee plus net", reconcile, with(settlement, "netAmount", 4800), "grossAmount"),
                invalid("negative fee", reconcile, with(with(settlement, "fee", -150), "netAmount", 5150), "fee"),
                invalid("missing settledAt", reconcile, without(settlement, "settledAt"), "settledAt"),
                invalid(
                        "settledAt not a timestamp",
                        reconcile,
                        with(settlement, "settledAt", "yesterday"),
                        "settledAt"),
                invalid("missing settlementId", reconcile, without(settlement, "settlementId"), "settlementId"),
                invalid("fail without a code", fail, Map.of("message", "gone"), "code"),
                invalid("fail with a blank message", fail, Map.of("code", "expired", "message", ""), "message"),
                invalid("cancel reason as a number", "/api/payments/{pending}/cancel", Map.of("reason", 5), "reason"),
                invalid(
                        "cancel reason over 500 characters",
                        "/api/payments/{pending}/cancel",
                        Map.of("reason", "x".repeat(501)),
                        "reason"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void invalidRequestIsRejectedAndLeavesNothingBehind(Invalid request) {
        for (Answer answer : expectNothingStored(request.path(), request.body(), 400, "validation_failed")) {
            JsonNode errors = answer.json().get("errors");
            assertThat(errors).as("errors of %s", answer).isNotNull();
            assertThat(errors.isArray()).isTrue();
            assertThat(errors.valueStream().map(error -> error.get("message").asString()))
                    .allSatisfy(message -> assertThat(message).isNotBlank());
            List<String> fields = errors.valueStream()
                    .map(error -> error.get("field").asString())
                    .toList();
            if (request.field() != null) {
                assertThat(fields)
                        .as("fields named by %s", answer)
                        .anySatisfy(field -> assertThat(field)
                                .satisfiesAnyOf(
                                        named -> assertThat(named).isEqualTo(request.field()),
                                        named -> assertThat(named).startsWith(request.field() + "[")));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/api/payments",
                "/api/payments/{pending}/confirm",
                "/api/payments/{pending}/fail",
                "/api/payments/{pending}/cancel",
                "/api/payments/{succeeded}/refunds",
                "/api/payments/{succeeded}/reconcile"
            })
    void aBodyThatIsNotJsonIsAnUnsupportedMediaTypeProblemAndLeavesNothingBehind(String path) {
        String resolvedPath = resolve(path);
        long events = db.events();
        long keys = db.idempotencyRows();
        String key = newIdempotencyKey();

        Answer unkeyed = api.postAs(resolvedPath, MediaType.TEXT_PLAIN, "amount=1999");
        Answer keyed = api.postAs(resolvedPath, MediaType.TEXT_PLAIN, "amount=1999", "Idempotency-Key", key);

        for (Answer answer : List.of(unkeyed, keyed)) {
            assertProblem(answer, 415, "validation_failed");
            assertThat(answer.json().get("errors").isArray()).isTrue();
            assertThat(answer.header("X-Request-Id")).isNotBlank();
        }
        assertThat(db.events()).isEqualTo(events);
        assertThat(db.idempotencyRows()).isEqualTo(keys);
    }

    /** A valid request that the payment it names, or its state, forbids. */
    record Refused(String path, Object body, int status, String code) {}

    Stream<Named<Refused>> refusedRequests() {
        Map<String, Object> failure = Map.of("code", "expired", "message", "The payment expired.");
        Map<String, Object> settlement = Map.of(
                "settlementId",
                "st_2",
                "grossAmount",
                5000,
                "fee",
                150,
                "netAmount",
                4850,
                "settledAt",
                "2026-11-20T00:00:00Z");
        return Stream.of(
                refused(
                        "confirm an unknown payment",
                        "/api/payments/{unknown}/confirm",
                        null,
                        404,
                        "payment_not_found"),
                refused("cancel an unknown payment", "/api/payments/{unknown}/cancel", null, 404, "payment_not_found"),
                refused(
                        "refund an unknown payment",
                        "/api/payments/{unknown}/refunds",
                        Map.of("amount", 100),
                        404,
                        "payment_not_found"),
                refused("fail an unknown payment", "/api/payments/{unknown}/fail", failure, 404, "payment_not_found"),
                refused(
                        "reconcile an unknown payment",
                        "/api/payments/{unknown}/reconcile",
                        settlement,
                        404,
                        "payment_not_found"),
                refused(
                        "confirm what cannot be a payment id",
                        "/api/payments/not-a-payment/confirm",
                        null,
                        404,
                        "payment_not_found"),
                refused("cancel a refund's id", "/api/payments/re_123/cancel", null, 404, "payment_not_found"),
                refused(
                        "cancel a succeeded payment",
                        "/api/payments/{succeeded}/cancel",
                        null,
                        409,
                        "invalid_state_transition"),
                refused(
                        "fail a succeeded payment",
                        "/api/payments/{succeeded}/fail",
                        failure,
                        409,
                        "invalid_state_transition"),
                refused(
                        "refund a pending payment",
                        "/api/payments/{pending}/refunds",
                        Map.of("amount", 100),
                        409,
                        "invalid_state_transition"),
                refused(
                        "reconcile a pending payment",
                        "/api/payments/{pending}/reconcile",
                        settlement,
                        409,
                        "invalid_state_transition"),
                refused(
                        "refund more than was paid",
                        "/api/payments/{succeeded}/refunds",
                        Map.of("amount", 5001),
                        409,
                        "refund_exceeds_available"),
                refused(
                        "refund in another currency",
                        "/api/payments/{succeeded}/refunds",
                        Map.of("amount", 100, "currency", "eur"),
                        409,
                        "currency_mismatch"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void refusedRequestAnswersItsProblemAndRecordsNothing(Refused request) {
        expectNothingStored(request.path(), request.body(), request.status(), request.code());
    }

    /**
     * Sends the request twice, without and with an Idempotency-Key (the key puts the request in a transaction of its
     * own), and checks each answers the problem and stores no event and no key.
     */
    private List<Answer> expectNothingStored(String path, Object body, int status, String code) {
        String resolvedPath = resolve(path);
        long events = db.events();
        long keys = db.idempotencyRows();
        String key = newIdempotencyKey();
        String unkeyedRequestId = newRequestId();
        String keyedRequestId = newRequestId();

        Answer unkeyed = api.post(resolvedPath, body, "X-Request-Id", unkeyedRequestId);
        Answer keyed = api.post(resolvedPath, body, "Idempotency-Key", key, "X-Request-Id", keyedRequestId);

        assertProblem(unkeyed, status, code);
        assertProblem(keyed, status, code);
        assertThat(unkeyed.header("X-Request-Id")).isEqualTo(unkeyedRequestId);
        assertThat(keyed.header("X-Request-Id")).isEqualTo(keyedRequestId);
        assertThat(keyed.header("Idempotent-Replayed")).isNull();
        assertThat(db.events()).as("events after %s", keyed).isEqualTo(events);
        assertThat(db.idempotencyRows()).as("idempotency rows after %s", keyed).isEqualTo(keys);
        assertThat(db.idempotencyRows(key)).isZero();
        assertThat(db.eventsMentioning(unkeyedRequestId)).isZero();
        assertThat(db.eventsMentioning(keyedRequestId)).isZero();
        return List.of(unkeyed, keyed);
    }

    private String createdId(Map<String, Object> body) {
        Answer answer = api.post("/api/payments", body);
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    private String resolve(String path) {
        String resolved = path;
        for (Map.Entry<String, String> payment : payments.entrySet()) {
            resolved = resolved.replace(payment.getKey(), payment.getValue());
        }
        return resolved;
    }

    private static Named<Invalid> invalid(String name, String path, Object body, String field) {
        return Named.of(name, new Invalid(path, body, field));
    }

    private static Named<Refused> refused(String name, String path, Object body, int status, String code) {
        return Named.of(name, new Refused(path, body, status, code));
    }

    private static Map<String, Object> with(Map<String, ?> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, ?> body, String field) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.remove(field);
        return changed;
    }
}
