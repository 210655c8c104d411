package io.ledger.query.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends stored events to the hash chain in global index order, in batches, as the only writer (it locks the chain's
 * head row). An event is appended only once its {@code xid_horizon} is at or below the oldest running transaction:
 * every transaction that could still commit a lower global index has then finished, so the events below it are all
 * visible and a missing index is a rolled-back append that never appears later. The chain therefore never skips an
 * event that commits late, and never reorders.
 */
@Component
@ConditionalOnProperty(prefix = "ledger.audit.chain-writer", name = "enabled", matchIfMissing = true)
class ChainWriter {

    static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    ChainWriter(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${ledger.audit.chain-writer.interval:PT0.2S}")
    void scheduled() {
        appendAvailable();
    }

    /** Appends every event that is safe to chain now; answers how many. */
    long appendAvailable() {
        long total = 0;
        int appended;
        do {
            appended = transactions.execute(status -> appendBatch());
            total += appended;
        } while (appended == BATCH);
        return total;
    }

    private int appendBatch() {
        ChainHead head = jdbc.queryForObject(
                "SELECT global_index, hash, events FROM audit_chain_head FOR UPDATE",
                (rs, rowNum) -> new ChainHead(rs.getLong("global_index"), rs.getBytes("hash"), rs.getLong("events")));
        // One statement, one snapshot: the rows it sees and the xmin it compares their horizons with.
        List<StoredEvent> settled = jdbc.query(
                "SELECT " + StoredEvent.COLUMNS
                        + ", xid_horizon <= pg_snapshot_xmin(pg_current_snapshot()) AS settled"
                        + " FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT ?",
                rs -> {
                    List<StoredEvent> rows = new ArrayList<>();
                    // Stop at the first event that is not settled yet: nothing after it may be chained before it.
                    while (rs.next() && rs.getBoolean("settled")) {
                        rows.add(StoredEvent.read(rs));
                    }
                    return rows;
                },
                head.globalIndex(),
                BATCH);
        if (settled.isEmpty()) {
            return 0;
        }
        List<byte[]> hashes = new ArrayList<>(settled.size());
        byte[] previous = head.hash();
        for (StoredEvent event : settled) {
            previous = EventHash.next(previous, event);
            hashes.add(previous);
        }
        jdbc.batchUpdate("""
                INSERT INTO audit_chain (global_index, event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload_sha256, meta_data_sha256, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                StoredEvent event = settled.get(i);
                statement.setLong(1, event.globalIndex());
                statement.setString(2, event.eventIdentifier());
                statement.setString(3, event.aggregateIdentifier());
                statement.setLong(4, event.sequenceNumber());
                statement.setString(5, event.type());
                statement.setString(6, event.timeStamp());
                statement.setString(7, event.payloadType());
                statement.setString(8, event.payloadRevision());
                statement.setBytes(9, EventHash.ofField(event.payload()));
                statement.setBytes(10, EventHash.ofField(event.metaData()));
                statement.setBytes(11, hashes.get(i));
            }

            @Override
            public int getBatchSize() {
                return settled.size();
            }
        });
        StoredEvent last = settled.get(settled.size() - 1);
        jdbc.update(
                "UPDATE audit_chain_head SET global_index = ?, hash = ?, events = ?",
                last.globalIndex(),
                previous,
                head.events() + settled.size());
        return settled.size();
    }
}
