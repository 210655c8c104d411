package io.ledger.query.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tables each read model's processor writes, with their primary keys. A projection added to the query side must be
 * added here too: ReadModelTablesTest fails the build otherwise, and {@link ProjectionHandlers} refuses a processing
 * group it cannot compare.
 */
final class ReadModelTables {

    /** Processor name to its tables (table name to primary key columns), in a stable order. */
    static final Map<String, Map<String, String>> BY_PROCESSOR = new LinkedHashMap<>();

    static {
        BY_PROCESSOR.put(
                "payment-history",
                tables("payment_view", "payment_id", "refund_view", "refund_id", "dispute_view", "dispute_id"));
        BY_PROCESSOR.put(
                "payment-stats", tables("stats_bucket", "day, currency, provider", "stats_payment", "payment_id"));
        BY_PROCESSOR.put("reconciliation", tables("reconciliation_view", "payment_id"));
        BY_PROCESSOR.put(
                "journal",
                tables("journal_line", "event_id, line_no", "journal_balance_daily", "day, account, currency"));
    }

    private ReadModelTables() {}

    static Map<String, String> of(String processor) {
        Map<String, String> tables = BY_PROCESSOR.get(processor);
        if (tables == null) {
            throw new IllegalStateException("no read-model tables are known for processor " + processor);
        }
        return tables;
    }

    private static Map<String, String> tables(String... namesAndKeys) {
        Map<String, String> tables = new LinkedHashMap<>();
        for (int i = 0; i < namesAndKeys.length; i += 2) {
            tables.put(namesAndKeys[i], namesAndKeys[i + 1]);
        }
        return tables;
    }
}
