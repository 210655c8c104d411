package io.ledger.query.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends stored events to the hash chain in global index order, in batches. Each batch is written under the lock of
 * the chain's head row, so one writer at a time extends the chain whatever the number of instances: a writer that finds
 * the head locked ({@code SKIP LOCKED}) leaves the batch to the instance holding it and looks again at its next tick,
 * instead of waiting for it. Whoever holds the lock reads the head as the last writer left it and continues from there,
 * so the chain has neither duplicates nor holes, whichever instance wrote which batch.
 *
 * <p>Events may commit out of global index order, so the writer moves behind a barrier: it notes the last global index
 * drawn so far, then the transactions running at that moment. A transaction takes its id before it draws an index (the
 * global index's column default), so every transaction that could still commit an index up to the noted one is among those.
 * Once they have all finished, every event up to the noted index is either committed and visible, or was rolled back
 * and never appears: the writer chains up to there, passing missing indexes, and takes the next barrier. The chain
 * therefore never skips an event that commits late and never reorders; it lags by about one interval plus the longest
 * running transaction.
 */
class ChainWriter {

    static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private Barrier pending;
    /**
     * Up to where the chain is known to reach, by this writer or another (the head row knows for sure): an idle tick
     * whose barrier did not move past it takes no lock and no transaction id.
     */
    private long chainedUpTo = -1;

    ChainWriter(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Every {@link ChainWriterSettings#interval()}: the same property, the same default. */
    @Scheduled(fixedDelayString = "${ledger.audit.chain-writer.interval:PT0.2S}")
    void scheduled() {
        appendAvailable();
    }

    /** Appends every event that is safe to chain now; answers how many. */
    synchronized long appendAvailable() {
        long total = 0;
        Barrier barrier = pending != null ? pending : barrier();
        while (settled(barrier)) {
            if (barrier.globalIndex() > chainedUpTo) {
                long chained = chainUpTo(barrier.globalIndex());
                if (chained < 0) {
                    // Another instance holds the head: it chains, and this one looks again at its next tick (the
                    // barrier is kept, so nothing up to it is forgotten should that instance stop).
                    pending = barrier;
                    return total;
                }
                total += chained;
                chainedUpTo = barrier.globalIndex();
            }
            Barrier next = barrier();
            if (next.globalIndex() <= barrier.globalIndex()) {
                barrier = next;
                break;
            }
            barrier = next;
        }
        pending = barrier;
        return total;
    }

    /**
     * The last global index drawn, then the transactions running now (their ids, from their own locks): read in this
     * order, outside any transaction of ours.
     */
    private Barrier barrier() {
        long drawn = jdbc.queryForObject(
                "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM domain_event_entry_global_index_seq",
                Long.class);
        String running = jdbc.queryForObject("""
                SELECT coalesce(string_agg(transactionid::text, ','), '') FROM pg_locks
                 WHERE locktype = 'transactionid' AND mode = 'ExclusiveLock' AND granted
                """, String.class);
        return new Barrier(drawn, running);
    }

    private boolean settled(Barrier barrier) {
        if (barrier.running().isEmpty()) {
            return true;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT NOT EXISTS (SELECT 1 FROM pg_locks
                 WHERE locktype = 'transactionid' AND mode = 'ExclusiveLock' AND granted
                   AND transactionid::text = ANY (string_to_array(?, ',')))
                """, Boolean.class, barrier.running()));
    }

    /** Chains every batch up to {@code globalIndex}; how many events, or -1 when another instance holds the head. */
    private long chainUpTo(long globalIndex) {
        long total = 0;
        int appended;
        do {
            appended = transactions.execute(status -> appendBatch(globalIndex));
            if (appended < 0) {
                return -1;
            }
            total += appended;
        } while (appended == BATCH);
        return total;
    }

    /** A global index and the transactions (ids, comma separated) that were running once it had been drawn. */
    private record Barrier(long globalIndex, String running) {}

    /** One batch after the head, in the caller's transaction; -1 when another instance holds the head's lock. */
    private int appendBatch(long upTo) {
        List<ChainHead> locked = jdbc.query(
                "SELECT global_index, hash, events FROM audit_chain_head FOR UPDATE SKIP LOCKED",
                (rs, rowNum) -> new ChainHead(rs.getLong("global_index"), rs.getBytes("hash"), rs.getLong("events")));
        if (locked.isEmpty()) {
            return -1;
        }
        ChainHead head = locked.get(0);
        List<StoredEvent> settled = jdbc.query(
                "SELECT " + StoredEvent.COLUMNS
                        + " FROM domain_event_entry WHERE global_index > ? AND global_index <= ?"
                        + " ORDER BY global_index LIMIT ?",
                StoredEvent::row,
                head.globalIndex(),
                upTo,
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
