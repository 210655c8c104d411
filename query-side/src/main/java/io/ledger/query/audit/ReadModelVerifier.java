package io.ledger.query.audit;

import io.ledger.query.audit.ReadModelReport.ReadModelMismatch;
import io.ledger.query.audit.ReadModelReport.TableComparison;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares every read model with a fresh replay of the event store through the same projection code, into scratch
 * copies of its tables ({@link ScratchSchema}), in one repeatable-read snapshot that is rolled back at the end.
 *
 * <p>Live read models lag the event store a little, so each processor is replayed exactly the events its stored
 * tokens say it has handled (per segment: up to the token's index, minus its gaps), read in the same snapshot as its
 * tables: the two are written in one transaction, so the comparison is exact even while the ledger takes commands.
 */
@Component
class ReadModelVerifier {

    private static final int FETCH = 2000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate snapshot;
    private final ProjectionHandlers projections;
    private final EventMessages messages;
    private final ProcessedEvents processed;

    ReadModelVerifier(
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            ProjectionHandlers projections,
            EventMessages messages,
            ProcessedEvents processed) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(FETCH);
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.projections = projections;
        this.messages = messages;
        this.processed = processed;
    }

    ReadModelReport verify() {
        long started = System.nanoTime();
        return snapshot.execute(status -> {
            status.setRollbackOnly();
            Map<String, List<AnnotationEventHandlerAdapter>> handlers = projections.all();
            Map<String, ProcessedEvents.Coverage> coverage = new LinkedHashMap<>();
            handlers.keySet().forEach(processor -> coverage.put(processor, processed.of(jdbc, processor)));
            List<String> tables = handlers.keySet().stream()
                    .flatMap(processor -> ReadModelTables.of(processor).keySet().stream())
                    .toList();
            ScratchSchema scratch = ScratchSchema.create(jdbc, tables);
            ScratchFeed feed = new ScratchFeed();
            cursor.query("SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry ORDER BY global_index", rs -> {
                StoredEvent event = StoredEvent.read(rs);
                TrackedEventMessage<?> message = null;
                for (Map.Entry<String, ProcessedEvents.Coverage> processor : coverage.entrySet()) {
                    if (processor.getValue().covers(event)) {
                        message = message == null ? messages.of(event) : message;
                        feed.deliver(handlers.get(processor.getKey()), message);
                    }
                }
            });
            feed.flush();
            return compare(scratch, handlers.keySet(), feed.delivered(), started);
        });
    }

    private ReadModelReport compare(ScratchSchema scratch, Iterable<String> processors, long replayed, long started) {
        List<TableComparison> comparisons = new ArrayList<>();
        ReadModelMismatch first = null;
        for (String processor : processors) {
            for (Map.Entry<String, String> table : ReadModelTables.of(processor).entrySet()) {
                String live = scratch.live(table.getKey());
                String copy = scratch.scratch(table.getKey());
                TableComparison comparison = new TableComparison(
                        processor,
                        table.getKey(),
                        count("SELECT count(*) FROM " + live),
                        count("SELECT count(*) FROM " + copy),
                        count("SELECT count(*) FROM (TABLE " + live + " EXCEPT ALL TABLE " + copy + ") d"),
                        count("SELECT count(*) FROM (TABLE " + copy + " EXCEPT ALL TABLE " + live + ") d"));
                comparisons.add(comparison);
                if (first == null && !comparison.equal()) {
                    first = new ReadModelMismatch(
                            processor,
                            table.getKey(),
                            firstRow(live, copy, table.getValue()),
                            firstRow(copy, live, table.getValue()));
                }
            }
        }
        return new ReadModelReport(
                first == null, replayed, comparisons, first, (System.nanoTime() - started) / 1_000_000);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    /** The first row (by primary key) of {@code table} that {@code other} lacks, as JSON; null when none. */
    private String firstRow(String table, String other, String key) {
        return jdbc
                .queryForList(
                        "SELECT to_jsonb(d)::text FROM (TABLE " + table + " EXCEPT ALL TABLE " + other + ") d ORDER BY "
                                + key + " LIMIT 1",
                        String.class)
                .stream()
                .findFirst()
                .orElse(null);
    }
}
