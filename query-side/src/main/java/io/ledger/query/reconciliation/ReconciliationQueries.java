package io.ledger.query.reconciliation;

import io.ledger.api.payment.ReconciliationStatus;
import io.ledger.api.reconciliation.FindReconciliationSummaryQuery;
import io.ledger.api.reconciliation.ListUnreconciledPaymentsQuery;
import io.ledger.api.reconciliation.ReconciliationSummaryView;
import io.ledger.api.reconciliation.UnreconciledPaymentPage;
import io.ledger.api.reconciliation.UnreconciledPaymentView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers reconciliation queries from the reconciliation read model. */
@Component
class ReconciliationQueries {

    private final JdbcClient jdbc;

    ReconciliationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Oldest first, by (succeeded_at, payment_id), from the partial index of open payments. */
    @QueryHandler
    UnreconciledPaymentPage handle(ListUnreconciledPaymentsQuery query) {
        UnreconciledCursor after = query.cursor() == null ? null : UnreconciledCursor.decode(query.cursor());
        String sql = "SELECT * FROM reconciliation_view WHERE status <> 'matched' AND succeeded_at < :before"
                + (after == null ? "" : " AND (succeeded_at, payment_id) > (:afterAt, :afterId)")
                + " ORDER BY succeeded_at, payment_id LIMIT :limit";
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql).param("before", utc(query.succeededBefore())).param("limit", query.limit() + 1);
        if (after != null) {
            statement.param("afterAt", utc(after.succeededAt())).param("afterId", after.paymentId());
        }
        List<UnreconciledPaymentView> found =
                statement.query(ReconciliationQueries::payment).list();
        boolean hasMore = found.size() > query.limit();
        List<UnreconciledPaymentView> page = hasMore ? found.subList(0, query.limit()) : found;
        String nextCursor = null;
        if (hasMore) {
            UnreconciledPaymentView last = page.get(page.size() - 1);
            nextCursor = new UnreconciledCursor(last.succeededAt(), last.id()).encode();
        }
        return new UnreconciledPaymentPage(page, hasMore, nextCursor);
    }

    @QueryHandler
    ReconciliationSummaryView handle(FindReconciliationSummaryQuery query) {
        List<ReconciliationSummary.Row> rows = jdbc.sql("""
                        SELECT currency, status, count(*) AS payments, sum(amount)::bigint AS amount,
                            coalesce(sum(fee), 0)::bigint AS fees
                        FROM reconciliation_view
                        WHERE succeeded_at >= :from AND succeeded_at < :until
                        GROUP BY currency, status
                        """)
                .param("from", query.from().atStartOfDay().atOffset(ZoneOffset.UTC))
                .param("until", query.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                .query((rs, rowNum) -> new ReconciliationSummary.Row(
                        rs.getString("currency"),
                        status(rs.getString("status")),
                        rs.getLong("payments"),
                        rs.getLong("amount"),
                        rs.getLong("fees")))
                .list();
        return ReconciliationSummary.of(query, rows);
    }

    private static UnreconciledPaymentView payment(ResultSet rs, int rowNum) throws SQLException {
        return new UnreconciledPaymentView(
                rs.getString("payment_id"),
                rs.getLong("amount"),
                rs.getString("currency"),
                instant(rs, "succeeded_at"),
                new UnreconciledPaymentView.SettlementView(
                        status(rs.getString("status")),
                        rs.getString("settlement_id"),
                        rs.getObject("gross", Long.class),
                        rs.getObject("fee", Long.class),
                        rs.getObject("net", Long.class),
                        instant(rs, "settled_at")));
    }

    private static ReconciliationStatus status(String code) {
        return ReconciliationStatus.valueOf(code.toUpperCase(Locale.ROOT));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
