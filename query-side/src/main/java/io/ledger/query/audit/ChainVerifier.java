package io.ledger.query.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the hash chain from the stored events and compares it with the chain's rows, in one read-only snapshot,
 * streaming both in global index order (constant memory whatever the size of the log).
 */
@Component
class ChainVerifier {

    private static final int FETCH = 2000;

    private final DataSource dataSource;
    private final TransactionTemplate snapshot;

    ChainVerifier(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.dataSource = dataSource;
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** The whole log. */
    ChainReport verify() {
        return verify(Long.MAX_VALUE);
    }

    /** The log up to and including {@code upTo}. */
    ChainReport verify(long upTo) {
        return snapshot.execute(status -> {
            try {
                return verify(DataSourceUtils.getConnection(dataSource), upTo);
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the event log", e);
            }
        });
    }

    private static ChainReport verify(Connection connection, long upTo) throws SQLException {
        long started = System.nanoTime();
        ChainHead head = head(connection);
        Tally tally = new Tally();
        try (PreparedStatement events = cursor(
                        connection,
                        "SELECT " + StoredEvent.COLUMNS
                                + " FROM domain_event_entry WHERE global_index <= ? ORDER BY global_index",
                        upTo);
                PreparedStatement chain = cursor(
                        connection, "SELECT * FROM audit_chain WHERE global_index <= ? ORDER BY global_index", upTo);
                ResultSet eventRows = events.executeQuery();
                ResultSet chainRows = chain.executeQuery()) {
            StoredEvent event = eventRows.next() ? StoredEvent.read(eventRows) : null;
            ChainedEvent chained = chainRows.next() ? ChainedEvent.read(chainRows) : null;
            while (event != null || chained != null) {
                if (chained == null || event != null && event.globalIndex() < chained.globalIndex()) {
                    tally.unchained(event, head);
                    event = eventRows.next() ? StoredEvent.read(eventRows) : null;
                } else if (event == null || chained.globalIndex() < event.globalIndex()) {
                    tally.deleted(chained);
                    chained = chainRows.next() ? ChainedEvent.read(chainRows) : null;
                } else {
                    tally.compare(event, chained);
                    event = eventRows.next() ? StoredEvent.read(eventRows) : null;
                    chained = chainRows.next() ? ChainedEvent.read(chainRows) : null;
                }
            }
        }
        if (upTo >= head.globalIndex() && !EventHash.same(tally.chainHash, head.hash())) {
            tally.mismatch(new ChainMismatch(
                    head.globalIndex(),
                    null,
                    null,
                    null,
                    "head",
                    List.of("hash"),
                    EventHash.hex(head.hash()),
                    EventHash.hex(tally.chainHash)));
        }
        return new ChainReport(
                tally.checked,
                tally.unchained,
                tally.mismatches == 0,
                tally.mismatches,
                tally.first,
                head.globalIndex(),
                EventHash.hex(head.hash()),
                tally.lastIndex,
                EventHash.hex(tally.recomputed),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static ChainHead head(Connection connection) throws SQLException {
        try (PreparedStatement query =
                        connection.prepareStatement("SELECT global_index, hash, events FROM audit_chain_head");
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return new ChainHead(rs.getLong("global_index"), rs.getBytes("hash"), rs.getLong("events"));
        }
    }

    private static PreparedStatement cursor(Connection connection, String sql, long upTo) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(FETCH);
        statement.setLong(1, upTo);
        return statement;
    }

    /** A row of the chain. */
    private record ChainedEvent(
            long globalIndex,
            String eventIdentifier,
            String aggregateIdentifier,
            long sequenceNumber,
            String type,
            String timeStamp,
            String payloadType,
            String payloadRevision,
            byte[] payloadSha256,
            byte[] metaDataSha256,
            byte[] hash) {

        static ChainedEvent read(ResultSet rs) throws SQLException {
            return new ChainedEvent(
                    rs.getLong("global_index"),
                    rs.getString("event_identifier"),
                    rs.getString("aggregate_identifier"),
                    rs.getLong("sequence_number"),
                    rs.getString("type"),
                    rs.getString("time_stamp"),
                    rs.getString("payload_type"),
                    rs.getString("payload_revision"),
                    rs.getBytes("payload_sha256"),
                    rs.getBytes("meta_data_sha256"),
                    rs.getBytes("hash"));
        }

        /** The fields of the stored event that differ from what was chained. */
        List<String> differences(StoredEvent event) {
            List<String> differs = new ArrayList<>();
            if (!eventIdentifier.equals(event.eventIdentifier())) {
                differs.add("eventIdentifier");
            }
            if (!aggregateIdentifier.equals(event.aggregateIdentifier())) {
                differs.add("aggregateIdentifier");
            }
            if (sequenceNumber != event.sequenceNumber()) {
                differs.add("sequenceNumber");
            }
            if (!Objects.equals(type, event.type())) {
                differs.add("type");
            }
            if (!timeStamp.equals(event.timeStamp())) {
                differs.add("timeStamp");
            }
            if (!payloadType.equals(event.payloadType())) {
                differs.add("payloadType");
            }
            if (!Objects.equals(payloadRevision, event.payloadRevision())) {
                differs.add("payloadRevision");
            }
            if (!EventHash.same(payloadSha256, EventHash.ofField(event.payload()))) {
                differs.add("payload");
            }
            if (!EventHash.same(metaDataSha256, EventHash.ofField(event.metaData()))) {
                differs.add("metaData");
            }
            return differs;
        }
    }

    /**
     * The walk's state. After a mismatch the walk continues from the chain's own hash, so every later event is judged
     * on its own and the count of mismatches is the number of damaged events.
     */
    private static final class Tally {
        long checked;
        long unchained;
        long mismatches;
        ChainMismatch first;
        long lastIndex;
        byte[] recomputed = EventHash.GENESIS;
        byte[] chainHash = EventHash.GENESIS;

        void compare(StoredEvent event, ChainedEvent chained) {
            checked++;
            byte[] hash = EventHash.next(chainHash, event);
            if (!EventHash.same(hash, chained.hash())) {
                List<String> differs = chained.differences(event);
                mismatch(new ChainMismatch(
                        event.globalIndex(),
                        event.eventIdentifier(),
                        event.aggregateIdentifier(),
                        event.sequenceNumber(),
                        "altered",
                        differs.isEmpty() ? List.of("hash") : differs,
                        EventHash.hex(chained.hash()),
                        EventHash.hex(hash)));
            }
            lastIndex = event.globalIndex();
            recomputed = hash;
            chainHash = chained.hash();
        }

        void deleted(ChainedEvent chained) {
            mismatch(new ChainMismatch(
                    chained.globalIndex(),
                    chained.eventIdentifier(),
                    chained.aggregateIdentifier(),
                    chained.sequenceNumber(),
                    "deleted",
                    List.of("event"),
                    EventHash.hex(chained.hash()),
                    null));
            chainHash = chained.hash();
        }

        void unchained(StoredEvent event, ChainHead head) {
            if (event.globalIndex() > head.globalIndex()) {
                unchained++;
                return;
            }
            mismatch(new ChainMismatch(
                    event.globalIndex(),
                    event.eventIdentifier(),
                    event.aggregateIdentifier(),
                    event.sequenceNumber(),
                    "not_in_chain",
                    List.of("event"),
                    null,
                    null));
        }

        void mismatch(ChainMismatch mismatch) {
            mismatches++;
            if (first == null) {
                first = mismatch;
            }
        }
    }
}
