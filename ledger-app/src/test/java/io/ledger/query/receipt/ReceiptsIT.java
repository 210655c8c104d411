package io.ledger.query.receipt;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.ledger.app.LedgerApplication;
import io.ledger.app.security.TestTokens;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerTestHooks;
import io.ledger.app.support.TestDatabaseContainer;
import io.ledger.app.support.TestDatabaseEnvironmentPostProcessor;
import io.ledger.query.projection.Projections;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Receipts and their emails end to end: the assembled application (simulated provider) on a database of its own,
 * speaking SMTP to a GreenMail server this test starts on a free port. The mail worker's schedule is off: each test
 * runs it ({@link MailWorker#sendDue()}) and counts what the server received. Customers whose id starts with {@code
 * cus_mail_} are kept through {@code PUT /api/customers/{id}} with an email ({@code <id>@customers.test}) before they
 * pay, others are not and have none.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            TestDatabaseEnvironmentPostProcessor.OWN_DATABASE + "=receipts",
            "spring.mail.host=127.0.0.1",
            "ledger.mail.from=receipts@shop.test",
            "ledger.mail.worker.enabled=false",
            "ledger.mail.initial-backoff=PT0S",
            "ledger.mail.max-backoff=PT0S",
            "ledger.mail.lease=PT30S",
            "ledger.receipts.merchant-name=Acme Coffee Roasters"
        })
@AutoConfigureRestTestClient
@Import({TestDatabaseContainer.class, LedgerTestHooks.class})
class ReceiptsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int SMTP_PORT = freePort();
    private static final String EMAIL_DOMAIN = "customers.test";
    private static GreenMail smtp = startSmtp();

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MailWorker worker;

    @Autowired
    Projections projections;

    @Autowired
    EventProcessingConfiguration processing;

    LedgerApi api;

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeEach
    void setUp() throws Exception {
        api = new LedgerApi(client);
        // Whatever earlier tests left due is sent now, so that each test counts only its own emails.
        worker.sendDue();
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aSucceededPaymentHasAReceiptAsJsonAndAsPdfWithItsRefundsSoFar() throws IOException {
        String customer = "cus_plain_" + UUID.randomUUID();
        String pending = create(customer, 1_500, "usd", null, "pending");
        assertProblem(api.get("/api/payments/" + pending + "/receipt"), 404, "not_found");
        String declined = create(customer, 1_500, "usd", "pm_card_chargeDeclined", "failed");
        assertProblem(api.get("/api/payments/" + declined + "/receipt"), 404, "not_found");
        assertProblem(api.get("/api/payments/pay_unknown/receipt"), 404, "not_found");

        String paid = create(customer, 12_345, "usd", "pm_card_visa", "succeeded");
        JsonNode receipt = receipt(paid);
        String number = receipt.get("number").asString();
        int year = Year.now(ZoneOffset.UTC).getValue();
        assertThat(number).matches("R-" + year + "-\\d{6}");
        assertThat(receipt.get("paymentId").asString()).isEqualTo(paid);
        assertThat(receipt.at("/merchant/name").asString()).isEqualTo("Acme Coffee Roasters");
        assertThat(receipt.at("/customer/id").asString()).isEqualTo(customer);
        assertThat(receipt.at("/customer/email").isNull()).isTrue();
        assertThat(receipt.get("amount").asLong()).isEqualTo(12_345);
        assertThat(receipt.get("currency").asString()).isEqualTo("usd");
        assertThat(receipt.get("paymentMethod").asString()).isEqualTo("pm_card_visa");
        assertThat(receipt.get("refunds")).isEmpty();
        assertThat(receipt.get("amountRefunded").asLong()).isZero();
        assertThat(receipt.get("issuedAt").asString()).endsWith("Z");

        String refund = refund(paid, 2_345);
        await().atMost(PATIENCE).until(() -> receipt(paid).get("refunds").size() == 1);
        receipt = receipt(paid);
        assertThat(receipt.get("number").asString()).as("the number stays").isEqualTo(number);
        assertThat(receipt.at("/refunds/0/id").asString()).isEqualTo(refund);
        assertThat(receipt.at("/refunds/0/amount").asLong()).isEqualTo(2_345);
        assertThat(receipt.get("amountRefunded").asLong()).isEqualTo(2_345);

        for (EntityExchangeResult<byte[]> pdf : List.of(
                client.get()
                        .uri("/api/payments/" + paid + "/receipt?format=pdf")
                        .exchange()
                        .returnResult(byte[].class),
                client.get()
                        .uri("/api/payments/" + paid + "/receipt")
                        .accept(MediaType.APPLICATION_PDF)
                        .exchange()
                        .returnResult(byte[].class))) {
            assertThat(pdf.getStatus().value()).isEqualTo(200);
            assertThat(pdf.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
            assertThat(pdf.getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                    .isEqualTo("inline; filename=\"receipt-" + number + ".pdf\"");
            assertThat(pdfText(pdf.getResponseBody()))
                    .contains("Receipt " + number, "Acme Coffee Roasters", paid, customer, "pm_card_visa")
                    .contains("123.45 USD", "23.45 USD", "100.00 USD", refund);
        }
        assertThat(client.get()
                        .uri("/api/payments/" + paid + "/receipt")
                        .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PDF)
                        .exchange()
                        .returnResult(String.class)
                        .getResponseHeaders()
                        .getContentType())
                .isEqualTo(MediaType.APPLICATION_JSON);
        assertProblem(api.get("/api/payments/" + paid + "/receipt", "format", "csv"), 400, "validation_failed");

        // A fully refunded payment keeps its receipt.
        refund(paid, 10_000);
        await().atMost(PATIENCE).until(() -> receipt(paid).get("amountRefunded").asLong() == 12_345);
    }

    @Test
    void aCustomerReadsOnlyTheReceiptsOfTheirOwnPayments() {
        String customer = "cus_own_" + UUID.randomUUID();
        String paid = create(customer, 700, "eur", "pm_card_visa", "succeeded");
        receipt(paid);

        LedgerApi own = LedgerApi.as(client, TestTokens.mint(customer, "payments:read:own"));
        assertThat(own.get("/api/payments/" + paid + "/receipt").status()).isEqualTo(200);
        LedgerApi other = LedgerApi.as(client, TestTokens.mint("cus_someone_else", "payments:read:own"));
        assertProblem(other.get("/api/payments/" + paid + "/receipt"), 404, "not_found");
        LedgerApi analyst = LedgerApi.as(client, TestTokens.mint("analyst", "analytics:read"));
        assertProblem(analyst.get("/api/payments/" + paid + "/receipt"), 403, "forbidden");
    }

    @Test
    void aSuccessAFailureAndARefundEachEmailTheCustomerOnce() throws Exception {
        String customer = "cus_mail_" + UUID.randomUUID();
        String address = customer + "@" + EMAIL_DOMAIN;
        String paid = create(customer, 4_200, "usd", "pm_card_visa", "succeeded");
        String number = receipt(paid).get("number").asString();
        String declined = create(customer, 900, "usd", "pm_card_insufficientFunds", "failed");
        awaitQueued(declined, "failure");
        String refund = refund(paid, 1_000);
        awaitQueued(paid, "refund");
        String silent = create("cus_nomail_" + UUID.randomUUID(), 100, "usd", "pm_card_visa", "succeeded");
        awaitQueued(silent, "receipt");

        worker.sendDue();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(3);
        Map<String, MimeMessage> bySubject = new LinkedHashMap<>();
        for (MimeMessage message : received) {
            assertThat(message.getAllRecipients())
                    .extracting(Object::toString)
                    .containsExactly("Ada Lovelace <" + address + ">");
            assertThat(message.getFrom())
                    .extracting(Object::toString)
                    .containsExactly("Acme Coffee Roasters <receipts@shop.test>");
            assertThat(message.getMessageID()).startsWith("<ledger-mail-").endsWith("@shop.test>");
            bySubject.put(message.getSubject(), message);
        }
        MimeMessage receiptMail = bySubject.get("Your receipt " + number + " from Acme Coffee Roasters");
        assertThat(receiptMail).as("%s", bySubject.keySet()).isNotNull();
        Multipart parts = (Multipart) receiptMail.getContent();
        String text = null;
        byte[] pdf = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                assertThat(part.getFileName()).isEqualTo("receipt-" + number + ".pdf");
                assertThat(part.getContentType()).startsWith("application/pdf");
                try (InputStream in = part.getInputStream()) {
                    pdf = in.readAllBytes();
                }
            } else {
                text = textOf(part);
            }
        }
        assertThat(text).contains("Hello Ada Lovelace", number, "42.00 USD", "pm_card_visa", paid);
        assertThat(pdfText(pdf)).contains("Receipt " + number, "42.00 USD", customer, address);

        MimeMessage failure = bySubject.get("Your payment to Acme Coffee Roasters did not go through");
        assertThat(failure).as("%s", bySubject.keySet()).isNotNull();
        assertThat(textOf(failure))
                .contains("9.00 USD", "no money was taken", declined, "insufficient_funds", "What to do next")
                .contains("add funds");

        MimeMessage refundMail = bySubject.get("Your refund of 10.00 USD from Acme Coffee Roasters");
        assertThat(refundMail).as("%s", bySubject.keySet()).isNotNull();
        assertThat(textOf(refundMail)).contains(refund, paid, "10.00 USD of 42.00 USD", number);

        assertThat(status(silent, "receipt")).isEqualTo("skipped");
        assertThat(status(paid, "receipt")).isEqualTo("sent");

        worker.sendDue();
        assertThat(smtp.getReceivedMessages()).as("each is sent once").hasSize(3);
    }

    @Test
    void anEmailSentWhoseMarkFailedIsNeverSentAgain() throws Exception {
        String paid = create("cus_mail_" + UUID.randomUUID(), 5_000, "usd", "pm_card_visa", "succeeded");
        awaitQueued(paid, "receipt");
        // The crash between send and mark: the SMTP server accepts the email, then the row cannot be marked sent.
        jdbc.sql("""
                        CREATE FUNCTION refuse_sent() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN RAISE EXCEPTION 'the database went away'; END $$""").update();
        jdbc.sql("CREATE TRIGGER refuse_sent BEFORE UPDATE ON mail_outbox FOR EACH ROW"
                        + " WHEN (NEW.status = 'sent') EXECUTE FUNCTION refuse_sent()")
                .update();
        try {
            worker.sendDue();
        } finally {
            jdbc.sql("DROP TRIGGER refuse_sent ON mail_outbox").update();
            jdbc.sql("DROP FUNCTION refuse_sent()").update();
        }
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(status(paid, "receipt")).isEqualTo("sending");

        // The next attempts, before and after the lease ran out: nothing is sent again.
        worker.sendDue();
        jdbc.sql("UPDATE mail_outbox SET lease_until = now() - interval '1 second' WHERE payment_id = ?")
                .param(paid)
                .update();
        worker.sendDue();
        worker.sendDue();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(status(paid, "receipt")).isEqualTo("unconfirmed");
        assertThat(jdbc.sql("SELECT message_id FROM mail_outbox WHERE payment_id = ? AND kind = 'receipt'")
                        .param(paid)
                        .query(String.class)
                        .single())
                .as("what the operator looks for in the SMTP server's log")
                .isEqualTo(smtp.getReceivedMessages()[0].getMessageID());
    }

    @Test
    void anSmtpServerThatIsDownIsTriedAgainUntilTheEmailIsSentOnce() throws Exception {
        String paid = create("cus_mail_" + UUID.randomUUID(), 2_500, "gbp", "pm_card_visa", "succeeded");
        awaitQueued(paid, "receipt");
        smtp.stop();
        try {
            worker.sendDue();
            worker.sendDue();
            Map<String, Object> row = jdbc.sql("SELECT status, attempts, last_error FROM mail_outbox"
                            + " WHERE payment_id = ? AND kind = 'receipt'")
                    .param(paid)
                    .query()
                    .singleRow();
            assertThat(row.get("status")).isEqualTo("pending");
            assertThat((Integer) row.get("attempts")).isEqualTo(2);
            assertThat((String) row.get("last_error")).contains("Connect");
        } finally {
            smtp = startSmtp();
        }
        worker.sendDue();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(status(paid, "receipt")).isEqualTo("sent");
        worker.sendDue();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void replaysOfTheReadModelsAndARedeliveryOfEveryEventKeepTheNumbersAndSendNothingAgain() {
        String paid = create("cus_mail_" + UUID.randomUUID(), 3_000, "usd", "pm_card_visa", "succeeded");
        awaitQueued(paid, "receipt");
        worker.sendDue();
        int sent = smtp.getReceivedMessages().length;
        assertThat(sent).isPositive();
        List<Map<String, Object>> receipts = snapshot("SELECT * FROM receipt ORDER BY payment_id");
        List<Map<String, Object>> counters = snapshot("SELECT * FROM receipt_counter ORDER BY year");
        List<Map<String, Object>> outbox = snapshot("SELECT id, dedup_key, status FROM mail_outbox ORDER BY id");

        assertProblem(api.post("/api/audit/projections/receipts/replay", null), 404, "projection_not_found");
        assertThat(projections.statuses()).noneMatch(status -> status.name().equals(ReceiptProjection.NAME));
        for (String readModel : List.of("payment-history", "payment-stats", "reconciliation", "journal")) {
            assertThat(api.post("/api/audit/projections/" + readModel + "/replay", null)
                            .status())
                    .isEqualTo(202);
        }
        await().atMost(PATIENCE)
                .until(() -> List.of("payment-history", "payment-stats", "reconciliation", "journal").stream()
                        .allMatch(projections::isCaughtUp));

        // Every event delivered to the receipts processor again, as after a lost token.
        StreamingEventProcessor processor = processing
                .eventProcessor(ReceiptProjection.NAME, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        jdbc.sql("DELETE FROM token_entry WHERE processor_name = ?")
                .param(ReceiptProjection.NAME)
                .update();
        processor.start();
        long head = jdbc.sql("SELECT max(global_index) FROM domain_event_entry")
                .query(Long.class)
                .single();
        await().atMost(PATIENCE).until(() -> receiptsPosition() >= head);

        assertThat(snapshot("SELECT * FROM receipt ORDER BY payment_id")).isEqualTo(receipts);
        assertThat(snapshot("SELECT * FROM receipt_counter ORDER BY year")).isEqualTo(counters);
        assertThat(snapshot("SELECT id, dedup_key, status FROM mail_outbox ORDER BY id"))
                .isEqualTo(outbox);
        worker.sendDue();
        assertThat(smtp.getReceivedMessages()).hasSize(sent);
        assertThat(api.get("/api/audit/verify")
                        .json()
                        .get("readModelsConsistent")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void concurrentSuccessesGetEveryNumberOfTheYearOnce() throws Exception {
        int payments = 24;
        ExecutorService senders = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < payments; i++) {
                created.add(senders.submit(
                        () -> create("cus_many_" + UUID.randomUUID(), 1_000, "usd", "pm_card_visa", "succeeded")));
            }
            for (Future<String> payment : created) {
                receipt(payment.get());
            }
        } finally {
            senders.shutdownNow();
        }
        assertGapFree(Year.now(ZoneOffset.UTC).getValue());
    }

    @Test
    void numbersTakenByConcurrentTransactionsThatMayRollBackHaveNoGapAndNoDuplicate() throws Exception {
        int year = 2091; // a year of its own: no payment succeeds in it
        int writers = 8;
        int rounds = 25;
        Set<String> committed = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    TransactionTemplate transaction = new TransactionTemplate(transactions);
                    for (int round = 0; round < rounds; round++) {
                        int count = 1 + ThreadLocalRandom.current().nextInt(3);
                        boolean crash = ThreadLocalRandom.current().nextInt(3) == 0;
                        List<String> taken = new ArrayList<>();
                        try {
                            transaction.executeWithoutResult(status -> {
                                long first = ReceiptNumbers.take(jdbcTemplate, year, count);
                                for (long n = first; n < first + count; n++) {
                                    String paymentId = "pay_counter_" + UUID.randomUUID();
                                    jdbcTemplate.update(
                                            "INSERT INTO receipt (payment_id, number, year, seq, customer_id, amount,"
                                                    + " currency, issued_at) VALUES (?, ?, ?, ?, 'cus_counter', 1,"
                                                    + " 'usd', now())",
                                            paymentId,
                                            ReceiptNumbers.format(year, n),
                                            year,
                                            n);
                                    taken.add(ReceiptNumbers.format(year, n));
                                }
                                if (crash) {
                                    throw new IllegalStateException("crash after taking the numbers");
                                }
                            });
                            committed.addAll(taken);
                        } catch (IllegalStateException expected) {
                            // rolled back: its numbers are given back
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(committed).isNotEmpty();
        assertGapFree(year);
        assertThat(jdbc.sql("SELECT last_number FROM receipt_counter WHERE year = ?")
                        .param(year)
                        .query(Long.class)
                        .single())
                .isEqualTo(committed.size());
    }

    /** Every receipt of the year has a number from 1 to their count, each once, and the counter says that count. */
    private void assertGapFree(int year) {
        Map<String, Object> figures = jdbc.sql("""
                        SELECT count(*) AS receipts, count(DISTINCT seq) AS distinct_numbers,
                               count(DISTINCT number) AS distinct_texts, min(seq) AS first, max(seq) AS last
                          FROM receipt WHERE year = ?""").param(year).query().singleRow();
        long receipts = ((Number) figures.get("receipts")).longValue();
        assertThat(receipts).isPositive();
        assertThat(((Number) figures.get("distinct_numbers")).longValue()).isEqualTo(receipts);
        assertThat(((Number) figures.get("distinct_texts")).longValue()).isEqualTo(receipts);
        assertThat(((Number) figures.get("first")).longValue()).isEqualTo(1);
        assertThat(((Number) figures.get("last")).longValue()).isEqualTo(receipts);
        assertThat(jdbc.sql("SELECT last_number FROM receipt_counter WHERE year = ?")
                        .param(year)
                        .query(Long.class)
                        .single())
                .isEqualTo(receipts);
    }

    private long receiptsPosition() {
        return jdbc.sql("SELECT token FROM token_entry WHERE processor_name = ?")
                .param(ReceiptProjection.NAME)
                .query((rs, rowNum) -> {
                    String token = new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8);
                    java.util.regex.Matcher index = java.util.regex.Pattern.compile("\"index\"\\s*:\\s*(\\d+)")
                            .matcher(token);
                    long position = -1;
                    while (index.find()) {
                        position = Math.max(position, Long.parseLong(index.group(1)));
                    }
                    return position;
                })
                .optional()
                .orElse(-1L);
    }

    private List<Map<String, Object>> snapshot(String sql) {
        return jdbc.sql(sql).query().listOfRows();
    }

    private String status(String paymentId, String kind) {
        return jdbc.sql("SELECT status FROM mail_outbox WHERE payment_id = ? AND kind = ?")
                .params(paymentId, kind)
                .query(String.class)
                .single();
    }

    private void awaitQueued(String paymentId, String kind) {
        await().atMost(PATIENCE)
                .until(() -> jdbc.sql("SELECT count(*) FROM mail_outbox WHERE payment_id = ? AND kind = ?")
                                .params(paymentId, kind)
                                .query(Long.class)
                                .single()
                        > 0);
    }

    private JsonNode receipt(String paymentId) {
        await().atMost(PATIENCE)
                .until(() -> api.get("/api/payments/" + paymentId + "/receipt").status() == 200);
        Answer answer = api.get("/api/payments/" + paymentId + "/receipt");
        assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_JSON);
        return answer.json();
    }

    private String create(String customer, long amount, String currency, String method, String status) {
        if (customer.startsWith("cus_mail_")) {
            // The customer's email and name are kept as a customer's own events, where the receipts find them.
            Answer kept = api.put(
                    "/api/customers/" + customer,
                    Map.of("email", customer + "@" + EMAIL_DOMAIN, "name", "Ada Lovelace"));
            assertThat(kept.status()).as("%s", kept).isEqualTo(200);
        }
        Map<String, Object> body =
                new LinkedHashMap<>(Map.of("amount", amount, "currency", currency, "customerId", customer));
        if (method != null) {
            body.put("paymentMethod", method);
            body.put("confirm", true);
        }
        Answer answer = api.post("/api/payments", body);
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(answer.json().get("status").asString()).isEqualTo(status);
        return answer.json().get("id").asString();
    }

    private String refund(String paymentId, long amount) {
        Answer answer = api.post("/api/payments/" + paymentId + "/refunds", Map.of("amount", amount));
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(answer.json().get("status").asString()).isEqualTo("succeeded");
        return answer.json().get("id").asString();
    }

    private static String textOf(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        Multipart multipart = (Multipart) content;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart child = multipart.getBodyPart(i);
            if (!Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                text.append(textOf(child));
            }
        }
        return text.toString();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        assertThat(pdf).isNotNull();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
