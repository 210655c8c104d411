package io.ledger.query.audit;

import java.util.List;

/**
 * Every read model compared with a fresh replay of the events it has processed into scratch copies of its tables.
 * Per table: the live and replayed row counts and the rows found only on one side; the first differing rows;
 * {@code elapsedMillis}, how long replay and comparison took.
 */
public record ReadModelReport(
        boolean consistent,
        long eventsReplayed,
        List<TableComparison> tables,
        ReadModelMismatch firstMismatch,
        long elapsedMillis) {

    /** One read-model table against its replayed copy. */
    public record TableComparison(
            String readModel, String table, long liveRows, long replayedRows, long onlyLive, long onlyReplayed) {

        boolean equal() {
            return onlyLive == 0 && onlyReplayed == 0;
        }
    }

    /**
     * The first rows that differ, by primary key, as JSON objects: {@code liveRow} is in the live table but not in the
     * replay, {@code replayedRow} the other way round; either may be null.
     */
    public record ReadModelMismatch(String readModel, String table, String liveRow, String replayedRow) {}
}
