package io.ledger.query.audit;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerIntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hash chain under events that commit out of global index order, and the signed digests that expose a log
 * rewritten together with its chain. The events inserted here are copies of a declined payment's {@code PaymentFailed}
 * under aggregates of their own, which every projection ignores (the payment they name has seen that sequence).
 */
@LedgerIntegrationTest
class HashChainIT {

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ChainWriter chainWriter;

    @Test
    void aLowerIndexCommittingLastIsChainedInItsPlaceNeverSkipped() throws SQLException, InterruptedException {
        long template = declinedPaymentFailure();
        chainThrough(template);
        long lowIndex;
        long highIndex;
        try (Connection older = dataSource.getConnection();
                Connection lower = dataSource.getConnection()) {
            older.setAutoCommit(false);
            lower.setAutoCommit(false);
            // The older transaction takes its id first, then the other one draws the lower global index.
            transactionId(older);
            lowIndex = insertCopy(lower, template);
            highIndex = insertCopy(older, template);
            assertThat(highIndex).isEqualTo(lowIndex + 1);
            String lowerTransaction = transactionId(lower);
            older.commit();

            // Chaining every row whose transaction is older than every running one would pass the lower index once
            // the application's own background transactions are gone: the higher index's transaction is the older.
            assertThat(jdbc.sql("SELECT tx_id < ?::xid8 FROM domain_event_entry WHERE global_index = ?")
                            .params(lowerTransaction, highIndex)
                            .query(Boolean.class)
                            .single())
                    .as("the rule 'tx_id below the oldest running transaction' would chain the higher index")
                    .isTrue();
            // Several passes, so that some take a barrier no background transaction holds back.
            for (int pass = 0; pass < 20; pass++) {
                chainWriter.appendAvailable();
                Thread.sleep(20);
            }
            assertThat(chained(lowIndex, highIndex))
                    .as("nothing chained past the open transaction")
                    .isEmpty();
            assertThat(head()).isLessThan(lowIndex);

            lower.commit();
        }
        chainThrough(highIndex);
        assertThat(chained(lowIndex, highIndex)).containsExactly(lowIndex, highIndex);
        assertChainLinksInOrder();
        assertThat(new LedgerApi(client)
                        .get("/api/audit/verify", "readModels", "false")
                        .json()
                        .get("chainValid")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aRolledBackAppendLeavesAGapThatTheChainPasses() throws SQLException {
        long template = declinedPaymentFailure();
        long gap;
        try (Connection rolledBack = dataSource.getConnection()) {
            rolledBack.setAutoCommit(false);
            gap = insertCopy(rolledBack, template);
            rolledBack.rollback();
        }
        long after;
        try (Connection committed = dataSource.getConnection()) {
            after = insertCopy(committed, template);
        }
        chainThrough(after);

        assertThat(after).isGreaterThan(gap);
        assertThat(chained(gap, after)).containsExactly(after);
        assertChainLinksInOrder();
    }

    @Test
    void aSignedDigestVerifiesAndFailsOnceTheLogAndItsChainAreRewritten() {
        LedgerApi api = new LedgerApi(client);
        String id = AuditIT.createAndConfirm(api, 7_700);
        long index = jdbc.sql(
                        "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1")
                .param(id)
                .query(Long.class)
                .single();
        chainThrough(index);

        Answer digestAnswer = api.get("/api/audit/digest");
        assertThat(digestAnswer.status()).isEqualTo(200);
        JsonNode digest = digestAnswer.json();
        assertThat(digest.get("globalIndex").asLong()).isGreaterThanOrEqualTo(index);
        assertThat(digest.get("hash").asString()).hasSize(64);
        assertThat(digest.get("hash").asString())
                .isEqualTo(jdbc.sql("SELECT encode(hash, 'hex') FROM audit_chain WHERE global_index = ?")
                        .param(digest.get("globalIndex").asLong())
                        .query(String.class)
                        .single());
        assertThat(digest.get("createdAt").asString()).isNotBlank();
        assertThat(digest.get("publicKey").asString()).isNotBlank();
        assertThat(digest.get("signature").asString()).isNotBlank();

        JsonNode valid = api.post("/api/audit/digest/verify", digest.toString()).json();
        assertThat(valid.get("valid").asBoolean()).as("%s", valid).isTrue();
        assertThat(valid.get("signatureValid").asBoolean()).isTrue();
        assertThat(valid.get("chainMatches").asBoolean()).isTrue();
        assertThat(valid.get("logRecomputes").asBoolean()).isTrue();

        ObjectNode forged = (ObjectNode) digest.deepCopy();
        forged.put("createdAt", "2020-01-01T00:00:00Z");
        JsonNode forgedAnswer =
                api.post("/api/audit/digest/verify", forged.toString()).json();
        assertThat(forgedAnswer.get("valid").asBoolean()).isFalse();
        assertThat(forgedAnswer.get("signatureValid").asBoolean()).isFalse();

        // The operator edits an event and recomputes the whole chain from there, so that the chain alone looks sound.
        String payload = jdbc.sql("SELECT payload::text FROM domain_event_entry WHERE global_index = ?")
                .param(index)
                .query(String.class)
                .single();
        rewrite(index, "jsonb_set(payload, '{amount,minor}', '1')");
        try {
            assertThat(api.get("/api/audit/verify", "readModels", "false")
                            .json()
                            .get("chainValid")
                            .asBoolean())
                    .as("the rewritten chain is self-consistent")
                    .isTrue();
            JsonNode rewritten =
                    api.post("/api/audit/digest/verify", digest.toString()).json();
            assertThat(rewritten.get("valid").asBoolean()).isFalse();
            assertThat(rewritten.get("signatureValid").asBoolean()).isTrue();
            assertThat(rewritten.get("chainMatches").asBoolean()).isFalse();
            assertThat(rewritten.get("detail").asString())
                    .contains("global index " + digest.get("globalIndex").asLong());
        } finally {
            rewrite(index, "'" + payload.replace("'", "''") + "'::jsonb");
        }
        assertThat(api.post("/api/audit/digest/verify", digest.toString())
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();

        // An edit left without a rewritten chain: the chain still matches the digest, the events no longer do.
        jdbc.sql(
                        "UPDATE domain_event_entry SET payload = jsonb_set(payload, '{amount,minor}', '1') WHERE global_index = ?")
                .param(index)
                .update();
        try {
            JsonNode edited =
                    api.post("/api/audit/digest/verify", digest.toString()).json();
            assertThat(edited.get("valid").asBoolean()).as("%s", edited).isFalse();
            assertThat(edited.get("chainMatches").asBoolean()).isTrue();
            assertThat(edited.get("logRecomputes").asBoolean()).isFalse();
        } finally {
            jdbc.sql("UPDATE domain_event_entry SET payload = ?::jsonb WHERE global_index = ?")
                    .params(payload, index)
                    .update();
        }

        ObjectNode notBase64 = (ObjectNode) digest.deepCopy();
        notBase64.put("signature", "not base64!");
        assertProblem(api.post("/api/audit/digest/verify", notBase64.toString()), 400, "validation_failed");
        ObjectNode malformed = (ObjectNode) digest.deepCopy();
        malformed.put("hash", "xyz");
        assertProblem(api.post("/api/audit/digest/verify", malformed.toString()), 400, "validation_failed");
        ObjectNode unknownField = (ObjectNode) digest.deepCopy();
        unknownField.put("comment", "hello");
        assertProblem(api.post("/api/audit/digest/verify", unknownField.toString()), 400, "validation_failed");
        assertProblem(api.post("/api/audit/digest/verify", "{not json"), 400, "validation_failed");
    }

    /**
     * Sets the event's payload to {@code payloadSql} and recomputes every chain row from it up to the head, holding the
     * head's lock as the chain writer does: the rewrite an operator with database access could attempt.
     */
    private void rewrite(long index, String payloadSql) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("SELECT hash FROM audit_chain_head FOR UPDATE")) {
                lock.executeQuery().close();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE domain_event_entry SET payload = " + payloadSql + " WHERE global_index = ?")) {
                update.setLong(1, index);
                update.executeUpdate();
            }
            byte[] previous;
            try (PreparedStatement before = connection.prepareStatement(
                    "SELECT hash FROM audit_chain WHERE global_index < ? ORDER BY global_index DESC LIMIT 1")) {
                before.setLong(1, index);
                try (ResultSet rs = before.executeQuery()) {
                    previous = rs.next() ? rs.getBytes(1) : EventHash.GENESIS;
                }
            }
            try (PreparedStatement events = connection.prepareStatement(
                            "SELECT " + StoredEvent.COLUMNS
                                    + " FROM domain_event_entry WHERE global_index >= ?"
                                    + " AND global_index <= (SELECT global_index FROM audit_chain_head) ORDER BY global_index");
                    PreparedStatement update = connection.prepareStatement(
                            "UPDATE audit_chain SET hash = ?, payload_sha256 = ? WHERE global_index = ?")) {
                events.setLong(1, index);
                try (ResultSet rs = events.executeQuery()) {
                    while (rs.next()) {
                        StoredEvent event = StoredEvent.read(rs);
                        previous = EventHash.next(previous, event);
                        update.setBytes(1, previous);
                        update.setBytes(2, EventHash.ofField(event.payload()));
                        update.setLong(3, event.globalIndex());
                        update.executeUpdate();
                    }
                }
            }
            try (PreparedStatement head = connection.prepareStatement("UPDATE audit_chain_head SET hash = ?")) {
                head.setBytes(1, previous);
                head.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every chain row's hash is the hash of its event following the row before it. */
    private void assertChainLinksInOrder() {
        List<Map<String, Object>> rows = jdbc.sql("SELECT global_index, hash FROM audit_chain ORDER BY global_index")
                .query()
                .listOfRows();
        List<StoredEvent> events = jdbc.sql("SELECT " + StoredEvent.COLUMNS
                        + " FROM domain_event_entry WHERE global_index IN (SELECT global_index FROM audit_chain)"
                        + " ORDER BY global_index")
                .query(StoredEvent::row)
                .list();
        assertThat(events).hasSameSizeAs(rows);
        byte[] previous = EventHash.GENESIS;
        for (int i = 0; i < rows.size(); i++) {
            assertThat(events.get(i).globalIndex()).isEqualTo(rows.get(i).get("global_index"));
            previous = EventHash.next(previous, events.get(i));
            assertThat((byte[]) rows.get(i).get("hash"))
                    .as("chain row %s", rows.get(i).get("global_index"))
                    .isEqualTo(previous);
        }
    }

    /** The global index of a {@code PaymentFailed} of a declined payment: an event every projection has applied. */
    private long declinedPaymentFailure() {
        LedgerApi api = new LedgerApi(client);
        String id = api.post(
                        "/api/payments",
                        Map.of(
                                "amount",
                                1_200,
                                "currency",
                                "usd",
                                "customerId",
                                "cus_chain_" + UUID.randomUUID(),
                                "paymentMethod",
                                "pm_card_chargeDeclined",
                                "confirm",
                                true))
                .json()
                .get("id")
                .asString();
        return jdbc.sql("""
                        SELECT global_index FROM domain_event_entry
                         WHERE aggregate_identifier = ? AND payload_type LIKE '%.PaymentFailed'
                        """).param(id).query(Long.class).single();
    }

    /** Inserts, on {@code connection}, a copy of the template event under an aggregate of its own. */
    private static long insertCopy(Connection connection, long template) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                SELECT ?, ?, 0, type, time_stamp, payload_type, payload_revision, payload, meta_data
                  FROM domain_event_entry WHERE global_index = ?
                RETURNING global_index
                """)) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, "audit_race_" + UUID.randomUUID());
            insert.setLong(3, template);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The connection's transaction id, assigned by this call when the transaction has none yet. */
    private static String transactionId(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_current_xact_id()::text");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Runs the writer until the chain reaches the index. One pass may not: a transaction of the application's own
     * background work (a processor's token update, say) running when the writer takes its barrier holds it back.
     */
    private void chainThrough(long globalIndex) {
        AuditIT.eventually("the chain reaches global index " + globalIndex, () -> {
            chainWriter.appendAvailable();
            return head() >= globalIndex;
        });
    }

    private List<Long> chained(long from, long to) {
        return jdbc.sql("SELECT global_index FROM audit_chain WHERE global_index BETWEEN ? AND ? ORDER BY 1")
                .params(from, to)
                .query(Long.class)
                .list();
    }

    private long head() {
        return jdbc.sql("SELECT global_index FROM audit_chain_head")
                .query(Long.class)
                .single();
    }
}
