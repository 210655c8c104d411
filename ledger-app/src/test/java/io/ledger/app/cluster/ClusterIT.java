package io.ledger.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledger.api.customer.AttachPaymentMethodCommand;
import io.ledger.api.customer.CustomerCommand;
import io.ledger.api.customer.DetachPaymentMethodCommand;
import io.ledger.api.customer.SaveCustomerCommand;
import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.Money;
import io.ledger.api.payment.ArchivePaymentCommand;
import io.ledger.api.payment.CancelPaymentCommand;
import io.ledger.api.payment.ConfirmPaymentCommand;
import io.ledger.api.payment.CreatePaymentCommand;
import io.ledger.api.payment.FailPaymentCommand;
import io.ledger.api.payment.ImportPaymentCommand;
import io.ledger.api.payment.PaymentCommand;
import io.ledger.api.payment.Provider;
import io.ledger.api.payment.ProviderDetails;
import io.ledger.api.payment.ReconcilePaymentCommand;
import io.ledger.api.payment.RecordDisputeClosedCommand;
import io.ledger.api.payment.RecordDisputeOpenedCommand;
import io.ledger.api.payment.RecordPaymentActionRequiredCommand;
import io.ledger.api.payment.RecordPaymentCanceledCommand;
import io.ledger.api.payment.RecordPaymentFailedCommand;
import io.ledger.api.payment.RecordPaymentProcessingCommand;
import io.ledger.api.payment.RecordPaymentSucceededCommand;
import io.ledger.api.payment.RecordProcessingSucceededCommand;
import io.ledger.api.payment.RecordRefundFailedCommand;
import io.ledger.api.payment.RecordRefundSucceededCommand;
import io.ledger.api.payment.RefundPaymentCommand;
import io.ledger.api.payment.UpdatePaymentCommand;
import io.ledger.api.problem.InvalidField;
import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;
import io.ledger.api.provider.SyncOutcome;
import io.ledger.api.provider.SyncStripeObjectCommand;
import io.ledger.app.LedgerApplication;
import io.ledger.app.security.TestTokens;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.LedgerDb.StoredEvent;
import io.ledger.app.support.TestDatabaseEnvironmentPostProcessor;
import io.ledger.command.dispatch.CommandRetries;
import io.ledger.command.metadata.CommandMetadata;
import io.ledger.command.payment.TestPaymentIds;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.distributed.DistributedCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.extensions.jgroups.commandhandling.JGroupsConnector;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.jgroups.Address;
import org.jgroups.JChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two ledger nodes in this JVM, one cluster over JGroups on 127.0.0.1 and one database of their own: each payment's
 * commands are handled by its owner whichever node the request reached, and a request answers the same whichever node
 * handled its command (the answer, its problems, what its events record). Each node counts the commands its own bus
 * handled, so a test knows which node ran what.
 */
class ClusterIT {

    private static final String CALLER = TestTokens.ADMIN_SUBJECT;
    private static final Queue<Handled> HANDLED = new ConcurrentLinkedQueue<>();

    private static Node a;
    private static Node b;
    private static LedgerDb db;

    /** A command this node's own bus handled. */
    record Handled(String node, String command, String paymentId) {}

    @BeforeAll
    static void startTwoNodes() throws IOException {
        int portA = freePort();
        int portB = freePort();
        String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
        a = Node.start("a", "127.0.0.1:" + portA, members);
        b = Node.start("b", "127.0.0.1:" + portB, members);
        // b joined a's cluster at its start; a sees b once b's first word arrived.
        await().atMost(Duration.ofSeconds(10)).until(() -> a.nodesUp() == 2 && b.nodesUp() == 2);
        db = new LedgerDb(a.context.getBean(JdbcClient.class));
    }

    @AfterAll
    static void stopNodes() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void bothNodesRunTheDistributedBusOverTheLocalOneTheyHandleOn() {
        for (Node node : List.of(a, b)) {
            assertThat(node.context.getBean(CommandBus.class)).isInstanceOf(DistributedCommandBus.class);
            assertThat(node.localSegment()).isInstanceOf(SimpleCommandBus.class);
            assertThat(node.context.getBean(JChannel.class).getView().size()).isEqualTo(2);
        }
    }

    @Test
    void everyCommandForAPaymentIsHandledByItsOwnerWhicheverNodeTheRequestReached() {
        for (Node owner : List.of(a, b)) {
            String key = keyOwnedBy(owner);
            PaymentId id = TestPaymentIds.forKey(CALLER, key);

            assertThat(a.api.post("/api/payments", payment(false), "Idempotency-Key", key)
                            .status())
                    .isEqualTo(201);
            assertThat(b.api.post("/api/payments/" + id + "/confirm", Map.of()).status())
                    .isEqualTo(200);
            assertThat(a.api.post(
                                    "/api/payments/" + id + "/refunds",
                                    Map.of("amount", 100),
                                    "Idempotency-Key",
                                    LedgerApi.newIdempotencyKey())
                            .status())
                    .isEqualTo(201);
            assertThat(b.api.post("/api/payments/" + id + "/refunds", Map.of("amount", 100))
                            .status())
                    .isEqualTo(201);

            assertThat(handled(id))
                    .extracting(Handled::command)
                    .containsExactly(
                            "CreatePaymentCommand",
                            "ConfirmPaymentCommand",
                            "RefundPaymentCommand",
                            "RefundPaymentCommand");
            assertThat(handled(id)).extracting(Handled::node).containsOnly(owner.name);
        }
    }

    @Test
    void aCreateHandledByAnotherNodeAnswersAsTheOwnerWouldHaveAndItsEventsNameTheRequest() {
        for (Node via : List.of(a, b)) {
            Node owner = via == a ? b : a;
            String key = keyOwnedBy(owner);
            String requestId = LedgerApi.newRequestId();
            PaymentId id = TestPaymentIds.forKey(CALLER, key);

            Answer created =
                    via.api.post("/api/payments", payment(true), "Idempotency-Key", key, "X-Request-Id", requestId);

            assertThat(created.status()).as("%s", created).isEqualTo(201);
            assertThat(created.header(HttpHeaders.LOCATION)).isEqualTo("/api/payments/" + id);
            assertThat(handled(id)).extracting(Handled::node).containsExactly(owner.name);
            ObjectNode answered = (ObjectNode) created.json();
            assertThat(answered.get("status").asString()).isEqualTo("succeeded");
            assertThat(answered.remove("clientSecret").asString()).startsWith("sim_" + id + "_secret_");
            Answer read = via.api.get(
                    "/api/payments/" + id, "minVersion", answered.get("version").asString());
            assertThat(read.json()).isEqualTo(answered);
            // The request's id and caller travelled with the command to the node that stored the events.
            assertThat(db.eventsOf(id.value()))
                    .extracting(StoredEvent::type)
                    .containsExactly("PaymentCreated", "PaymentSucceeded");
            assertThat(db.eventsOf(id.value()))
                    .allSatisfy(event -> assertThat(event)
                            .extracting(StoredEvent::correlationId, StoredEvent::actor, StoredEvent::source)
                            .containsExactly(requestId, CALLER, "api"));
            // Its stored answer is the other node's too.
            Answer again = owner.api.post("/api/payments", payment(true), "Idempotency-Key", key);
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(again.json()).isEqualTo(created.json());
        }
    }

    /**
     * The events committed on the owner, the request's node crashed before its answer was stored with the key: the
     * create is in the store, the key is not. The client's retry with the key makes the same payment id, and is answered
     * with the payment as stored.
     */
    @Test
    void aCreateRetriedAfterItsEventsButNotItsAnswerWereStoredAnswersThePaymentAsStored() {
        String key = keyOwnedBy(b);
        PaymentId id = TestPaymentIds.forKey(CALLER, key);
        a.commands().sendAndWait(createCommand(id, 1000));
        assertThat(db.idempotencyRows(key)).isZero();
        long events = db.events();

        Answer retried = a.api.post("/api/payments", payment(true), "Idempotency-Key", key);

        assertThat(retried.status()).as("%s", retried).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        ObjectNode answered = (ObjectNode) retried.json();
        assertThat(answered.remove("clientSecret").asString()).startsWith("sim_" + id + "_secret_");
        assertThat(answered.get("id").asString()).isEqualTo(id.value());
        assertThat(answered.get("status").asString()).isEqualTo("succeeded");
        assertThat(a.api.get("/api/payments/" + id, "minVersion", "2").json()).isEqualTo(answered);
        assertThat(db.events()).isEqualTo(events);
        assertThat(db.idempotencyRows(key)).isOne();

        // A retry that asks for another payment than the one stored reused the key.
        String otherKey = keyOwnedBy(b);
        a.commands().sendAndWait(createCommand(TestPaymentIds.forKey(CALLER, otherKey), 1000));
        Map<String, Object> moreThanBefore = new HashMap<>(payment(true));
        moreThanBefore.put("amount", 2000);
        LedgerApi.assertProblem(
                a.api.post("/api/payments", moreThanBefore, "Idempotency-Key", otherKey), 400, "idempotency_key_reuse");
        assertThat(db.events()).isEqualTo(events + 2);
    }

    /** A batch's creates join the transaction of the node that took it, whoever owns their payments. */
    @Test
    void anAtomicBatchIsCreatedOnTheNodeThatTookItAndRolledBackThereWhole() {
        List<String> keys = List.of(keyOwnedBy(b), keyOwnedBy(b), keyOwnedBy(a));
        List<Map<String, Object>> items = keys.stream()
                .map(key -> {
                    Map<String, Object> item = new HashMap<>(payment(true));
                    item.put("idempotencyKey", key);
                    return item;
                })
                .toList();

        Answer created = a.api.post("/api/payments/batch", Map.of("atomic", true, "payments", items));

        assertThat(created.status()).as("%s", created).isEqualTo(200);
        for (String key : keys) {
            PaymentId id = TestPaymentIds.forKey(CALLER, key);
            assertThat(handled(id)).extracting(Handled::node).containsExactly(a.name);
            assertThat(db.eventsOf(id.value()))
                    .extracting(StoredEvent::type)
                    .containsExactly("PaymentCreated", "PaymentSucceeded");
        }

        List<String> rolledBack = List.of(keyOwnedBy(b), keyOwnedBy(a));
        List<Map<String, Object>> failing = new ArrayList<>();
        for (String key : rolledBack) {
            Map<String, Object> item =
                    new HashMap<>(payment(true, key.equals(rolledBack.get(1)) ? "pm_card_bogus" : "pm_card_visa"));
            item.put("idempotencyKey", key);
            failing.add(item);
        }
        LedgerApi.assertProblem(
                a.api.post("/api/payments/batch", Map.of("atomic", true, "payments", failing)),
                400,
                "validation_failed");
        for (String key : rolledBack) {
            assertThat(db.eventsOf(TestPaymentIds.forKey(CALLER, key).value())).isEmpty();
        }
    }

    @Test
    void aBrokenRuleThroughANodeThatDoesNotOwnThePaymentIsTheProblemItsOwnerAnswers() {
        PaymentId pending = createdVia(b, keyOwnedBy(b), payment(false, null));
        PaymentId succeeded = createdVia(b, keyOwnedBy(b), payment(true));
        PaymentId canceled = createdVia(b, keyOwnedBy(b), payment(false));
        assertThat(b.api.post("/api/payments/" + canceled + "/cancel", Map.of()).status())
                .isEqualTo(200);
        PaymentId unknown = TestPaymentIds.forKey(CALLER, keyOwnedBy(b));
        long events = db.events();

        List<Problem> problems = List.of(
                new Problem("/api/payments/" + pending + "/confirm", Map.of(), 400, "validation_failed"),
                new Problem(
                        "/api/payments/" + pending + "/confirm",
                        Map.of("paymentMethod", "pm_card_bogus"),
                        400,
                        "validation_failed"),
                new Problem("/api/payments/" + pending + "/refunds", Map.of(), 409, "invalid_state_transition"),
                new Problem("/api/payments/" + canceled + "/confirm", Map.of(), 409, "invalid_state_transition"),
                new Problem(
                        "/api/payments/" + succeeded + "/refunds",
                        Map.of("amount", 5000),
                        409,
                        "refund_exceeds_available"),
                new Problem(
                        "/api/payments/" + succeeded + "/refunds",
                        Map.of("amount", 10, "currency", "eur"),
                        409,
                        "currency_mismatch"),
                new Problem("/api/payments/" + unknown + "/confirm", Map.of(), 404, "payment_not_found"));
        for (Problem problem : problems) {
            Answer local = b.api.post(problem.path, problem.body, "Idempotency-Key", LedgerApi.newIdempotencyKey());
            Answer remote = a.api.post(problem.path, problem.body, "Idempotency-Key", LedgerApi.newIdempotencyKey());

            LedgerApi.assertProblem(local, problem.status, problem.code);
            assertThat(remote.status()).as("%s", problem).isEqualTo(local.status());
            assertThat(remote.contentType()).isEqualTo(local.contentType());
            assertThat(remote.json()).as("%s", problem).isEqualTo(local.json());
        }
        assertThat(handled(unknown)).extracting(Handled::node).containsOnly(b.name);
        assertThat(db.events()).isEqualTo(events);
    }

    record Problem(String path, Map<String, Object> body, int status, String code) {}

    /**
     * Confirms, then refunds, of one payment, sent at once through both nodes, each with its own key: each is answered
     * once it ran (a request that lost the race to append is answered 409 concurrent_update, and its client retries
     * with the same key), and the payment records each exactly once.
     */
    @Test
    void concurrentConfirmsAndRefundsThroughBothNodesAreEachRecordedOnce() throws Exception {
        PaymentId id = createdVia(a, keyOwnedBy(b), payment(false));
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Answer> confirms = concurrently(
                    clients,
                    8,
                    i -> () -> untilNotRaced(
                            node(i), "/api/payments/" + id + "/confirm", Map.of(), LedgerApi.newIdempotencyKey()));
            assertThat(confirms).extracting(Answer::status).containsOnly(200);
            assertThat(confirms)
                    .allSatisfy(answer ->
                            assertThat(answer.json().get("status").asString()).isEqualTo("succeeded"));

            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                keys.add(LedgerApi.newIdempotencyKey());
            }
            List<Answer> refunds = concurrently(
                    clients,
                    16,
                    i -> () -> untilNotRaced(
                            node(i), "/api/payments/" + id + "/refunds", Map.of("amount", 10), keys.get(i)));
            assertThat(refunds).extracting(Answer::status).containsOnly(201);
            assertThat(refunds.stream().map(r -> r.json().get("id").asString()).distinct())
                    .hasSize(16);
            // A refund asked again through the other node is the one it made.
            Answer again =
                    untilNotRaced(node(1), "/api/payments/" + id + "/refunds", Map.of("amount", 10), keys.get(0));
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(again.json()).isEqualTo(refunds.get(0).json());
        } finally {
            clients.shutdownNow();
        }
        List<StoredEvent> stream = db.eventsOf(id.value());
        assertThat(stream)
                .extracting(StoredEvent::type)
                .filteredOn("PaymentSucceeded"::equals)
                .hasSize(1);
        assertThat(stream)
                .extracting(StoredEvent::type)
                .filteredOn("RefundRequested"::equals)
                .hasSize(16);
        assertThat(stream)
                .extracting(StoredEvent::type)
                .filteredOn("RefundSucceeded"::equals)
                .hasSize(16);
        assertThat(handled(id)).extracting(Handled::node).containsOnly(b.name);
        JsonNode payment = a.api.get("/api/payments/" + id, "minVersion", String.valueOf(stream.size()))
                .json();
        assertThat(payment.get("amountRefunded").asLong()).isEqualTo(160);
        assertThat(payment.get("refunds")).hasSize(16);
    }

    /**
     * Without routing (each node's own bus, as while two nodes disagree on who owns a payment) two writers append to one
     * payment at once: the loser of each race reads the payment's new events and succeeds on the gateway's retry.
     */
    @Test
    void twoBusesAppendingToOnePaymentAtOnceBothSucceed() throws Exception {
        PaymentId id = createdVia(a, keyOwnedBy(a), payment(true));
        CommandGateway onA = a.localGateway();
        CommandGateway onB = b.localGateway();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Object> done = concurrently(
                    writers,
                    16,
                    i -> () -> (i % 2 == 0 ? onA : onB)
                            .sendAndWait(new RefundPaymentCommand(
                                    id, RefundId.newId(), 10L, null, "requested_by_customer")));
            assertThat(done).hasSize(16);
        } finally {
            writers.shutdownNow();
        }
        List<StoredEvent> stream = db.eventsOf(id.value());
        assertThat(stream)
                .extracting(StoredEvent::type)
                .filteredOn("RefundSucceeded"::equals)
                .hasSize(16);
        assertThat(stream).extracting(StoredEvent::sequence).doesNotHaveDuplicates();
        assertThat(handled(id)).extracting(Handled::node).contains(a.name, b.name);
    }

    /** What travels between the nodes: every command the ledger dispatches, their answers and described failures. */
    @Test
    void everyCommandAndAnswerTravelsThroughTheMessagesSerializerUnchanged() {
        PaymentId id = PaymentId.newId();
        RefundId refund = RefundId.newId();
        Money money = Money.of(1000, "usd");
        ProviderDetails details = new ProviderDetails("ch_1", "txn_1", "2026-07-29.dahlia");
        List<PaymentCommand> commands = List.of(
                new CreatePaymentCommand(
                        id, money, "cus_1", "o_1", "Two books", Map.of("k", "v"), "pm_card_visa", true, "cus_1"),
                new ConfirmPaymentCommand(id, "pm_card_visa", null),
                new FailPaymentCommand(id, "card_declined", "Declined."),
                new CancelPaymentCommand(id, "requested_by_customer", null),
                new RefundPaymentCommand(id, refund, 100L, Currency.getInstance("USD"), "duplicate"),
                new ReconcilePaymentCommand(
                        id, "po_1", 1000, 59, 941, Currency.getInstance("USD"), Instant.parse("2026-11-24T00:00:00Z")),
                new RecordPaymentSucceededCommand(id, "pi_1", "pm_card_visa", details),
                new RecordPaymentProcessingCommand(id, "pm_card_visa"),
                new RecordProcessingSucceededCommand(id, 2),
                new RecordPaymentActionRequiredCommand(id, "pm_card_visa", "use_stripe_sdk"),
                new RecordPaymentFailedCommand(id, "card_declined", "generic_decline", "Declined.", null, details),
                new RecordPaymentCanceledCommand(id, "abandoned"),
                new RecordRefundSucceededCommand(id, refund, money, "duplicate", "re_1", details),
                new RecordRefundFailedCommand(id, refund, money, "re_1", "expired_or_canceled_card", "Failed.", null),
                new ImportPaymentCommand(id, money, "cus_1", null, null, null, Provider.STRIPE, "pi_1", null),
                new RecordDisputeOpenedCommand(id, "dp_1", money, Money.of(1500, "usd"), "fraudulent"),
                new RecordDisputeClosedCommand(id, "dp_1", false, money, Money.of(1500, "usd"), null, "fraudulent"),
                new UpdatePaymentCommand(id, 1200L, "Three books", "o_2", Map.of("k", "", "gift", "yes")),
                new ArchivePaymentCommand(id));
        assertThat(commands.stream().map(Object::getClass).distinct())
                .as("a sample of every payment command")
                .containsExactlyInAnyOrder(PaymentCommand.class.getPermittedSubclasses());
        List<Object> messages = new ArrayList<>(commands);
        List<CustomerCommand> customerCommands = List.of(
                new SaveCustomerCommand("cus_1", "jenny@example.com", "Jenny Rosen"),
                new AttachPaymentMethodCommand("cus_1", "pm_card_visa", true),
                new DetachPaymentMethodCommand("cus_1", "pm_card_visa"));
        assertThat(customerCommands.stream().map(Object::getClass).distinct())
                .as("a sample of every customer command")
                .containsExactlyInAnyOrder(CustomerCommand.class.getPermittedSubclasses());
        messages.addAll(customerCommands);
        messages.add(new SyncStripeObjectCommand(
                "evt_1",
                "payment_intent.succeeded",
                "2025-03-31.basil",
                "payment_intent",
                "pi_1",
                "{\"id\":\"pi_1\"}"));
        messages.add(TestPaymentIds.newPaymentAnswer(id, "sim_secret"));
        messages.add(SyncOutcome.IGNORED);
        messages.add(RemoteFailure.of(new IllegalPaymentTransitionLike()));
        messages.add(new RemoteFailure(RemoteFailure.Kind.CONCURRENT_UPDATE, null, "raced", null, null, null));

        Serializer serializer = BeanFactoryAnnotationUtils.qualifiedBeanOfType(
                a.context.getBeanFactory(), Serializer.class, "messageSerializer");
        for (Object message : messages) {
            SerializedObject<byte[]> serialized = serializer.serialize(message, byte[].class);
            assertThat((Object) serializer.deserialize(serialized))
                    .as("%s", message)
                    .isEqualTo(message);
        }
    }

    /** A broken rule with fields and a header, as the command side's rules are. */
    private static final class IllegalPaymentTransitionLike extends LedgerProblem {
        IllegalPaymentTransitionLike() {
            super(
                    ProblemCode.VALIDATION_FAILED,
                    "no such payment method",
                    List.of(new InvalidField("paymentMethod", "unknown")));
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("Retry-After", "5");
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static Node node(int i) {
        return i % 2 == 0 ? a : b;
    }

    /** A client that retries a request answered 409 concurrent_update, with the same key, as the answer asks. */
    private static Answer untilNotRaced(Node node, String path, Object body, String key) {
        for (int attempt = 1; ; attempt++) {
            Answer answer = node.api.post(path, body, "Idempotency-Key", key);
            boolean raced = answer.status() == 409
                    && "concurrent_update".equals(answer.json().get("code").asString());
            if (!raced || attempt == 10) {
                return answer;
            }
        }
    }

    private static <T> List<T> concurrently(ExecutorService pool, int count, Function<Integer, Callable<T>> task)
            throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(pool.submit(task.apply(i)));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private static PaymentId createdVia(Node node, String key, Map<String, Object> body) {
        Answer created = node.api.post("/api/payments", body, "Idempotency-Key", key);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return PaymentId.of(created.json().get("id").asString());
    }

    /** A key whose payment the node owns (the consistent hash says so now). */
    private static String keyOwnedBy(Node owner) {
        for (int i = 0; i < 1_000; i++) {
            String key = LedgerApi.newIdempotencyKey();
            if (owner.owns(TestPaymentIds.forKey(CALLER, key))) {
                return key;
            }
        }
        throw new AssertionError("node " + owner.name + " owns no payment");
    }

    private static List<Handled> handled(PaymentId id) {
        return HANDLED.stream().filter(h -> id.value().equals(h.paymentId)).toList();
    }

    private static Map<String, Object> payment(boolean confirm) {
        return payment(confirm, "pm_card_visa");
    }

    private static Map<String, Object> payment(boolean confirm, String paymentMethod) {
        Map<String, Object> body = new HashMap<>(
                Map.of("amount", 1000, "currency", "usd", "customerId", "cus_cluster", "confirm", confirm));
        if (paymentMethod != null) {
            body.put("paymentMethod", paymentMethod);
        }
        return body;
    }

    private static CreatePaymentCommand createCommand(PaymentId id, long amount) {
        return new CreatePaymentCommand(
                id, Money.of(amount, "usd"), "cus_cluster", null, null, null, "pm_card_visa", true, null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** One ledger node: its application, an admin's client of its HTTP API, and what its bus handled. */
    private static final class Node implements AutoCloseable {

        final String name;
        final ConfigurableApplicationContext context;
        final LedgerApi api;

        private Node(String name, ConfigurableApplicationContext context) {
            this.name = name;
            this.context = context;
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            RestTestClient client = RestTestClient.bindToServer()
                    .baseUrl("http://127.0.0.1:" + port)
                    .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.adminFor(context.getEnvironment()))
                    .build();
            this.api = new LedgerApi(client);
            MessageHandlerInterceptor<CommandMessage<?>> recorder = (unitOfWork, chain) -> {
                CommandMessage<?> command = unitOfWork.getMessage();
                String paymentId = command.getPayload() instanceof PaymentCommand payment
                        ? payment.paymentId().value()
                        : null;
                HANDLED.add(new Handled(name, command.getPayloadType().getSimpleName(), paymentId));
                return chain.proceed();
            };
            localSegment().registerHandlerInterceptor(recorder);
        }

        static Node start(String name, String bind, String members) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                    .run(
                            "--server.port=0",
                            "--ledger.cluster.bind=" + bind,
                            "--ledger.cluster.members=" + members,
                            "--" + TestDatabaseEnvironmentPostProcessor.OWN_DATABASE + "=cluster",
                            "--ledger.simulated.processing-delay=PT0.5S",
                            "--ledger.simulated.poll-interval=PT0.2S",
                            "--spring.application.name=ledger-" + name);
            return new Node(name, context);
        }

        CommandBus localSegment() {
            return BeanFactoryAnnotationUtils.qualifiedBeanOfType(
                    context.getBeanFactory(), CommandBus.class, "localSegment");
        }

        CommandGateway commands() {
            return context.getBean(CommandGateway.class);
        }

        /** A gateway straight onto this node's own bus, with the application's retries: no routing. */
        CommandGateway localGateway() {
            return DefaultCommandGateway.builder()
                    .commandBus(localSegment())
                    .dispatchInterceptors(CommandMetadata.defaults())
                    .retryScheduler(context.getBean(CommandRetries.class))
                    .build();
        }

        boolean owns(PaymentId id) {
            return context.getBean(JGroupsConnector.class)
                    .findDestination(GenericCommandMessage.asCommandMessage(new ConfirmPaymentCommand(id, null, null)))
                    .flatMap(member -> member.getConnectionEndpoint(Address.class))
                    .orElseThrow()
                    .equals(context.getBean(JChannel.class).getAddress());
        }

        int nodesUp() {
            return context.getBean(ClusterMembership.class).nodesUp();
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
