package io.ledger.query.payment;

import io.ledger.api.payment.FindPaymentDisputesQuery;
import io.ledger.api.payment.FindPaymentQuery;
import io.ledger.api.payment.ListPaymentsQuery;
import io.ledger.api.payment.PaymentDisputes;
import io.ledger.api.payment.PaymentPage;
import io.ledger.api.payment.PaymentSort;
import io.ledger.api.payment.PaymentView;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Answers payment queries from the payment history read model. */
@Component
class PaymentQueries {

    private static final Duration POLL = Duration.ofMillis(10);

    private final JdbcClient jdbc;
    private final PaymentRows rows;
    private final Duration readYourWritesWait;

    PaymentQueries(JdbcClient jdbc, JsonMapper json, QuerySettings settings) {
        this.jdbc = jdbc;
        this.rows = new PaymentRows(jdbc, json);
        this.readYourWritesWait = settings.readYourWritesWait();
    }

    /**
     * Waits up to the configured time for the read model to reach {@code minVersion}, then answers what it has. Another
     * customer's payment is waited for like a missing one, so not even the time taken tells that it exists.
     */
    @QueryHandler
    Optional<PaymentView> handle(FindPaymentQuery query) throws InterruptedException {
        Instant deadline = Instant.now().plus(readYourWritesWait);
        Optional<PaymentView> row = find(query.paymentId(), query.onlyCustomer());
        while (row.map(PaymentView::version).orElse(0L) < query.minVersion()
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL.toMillis());
            row = find(query.paymentId(), query.onlyCustomer());
        }
        return row.map(found -> rows.withRefunds(List.of(found)).get(0));
    }

    /** Empty when the read model has no such payment. */
    @QueryHandler
    Optional<PaymentDisputes> handle(FindPaymentDisputesQuery query) {
        return find(query.paymentId(), query.onlyCustomer())
                .map(payment -> new PaymentDisputes(rows.disputes(payment.id())));
    }

    @QueryHandler
    PaymentPage handle(ListPaymentsQuery query) {
        PageSql page = pageSql(query);
        JdbcClient.StatementSpec statement = jdbc.sql(page.sql());
        page.params().forEach(statement::param);
        List<PaymentView> found = statement.query(rows::row).list();
        boolean hasMore = found.size() > query.limit();
        List<PaymentView> rowsOfPage = hasMore ? found.subList(0, query.limit()) : found;
        String nextCursor = hasMore
                ? cursorAfter(rowsOfPage.get(rowsOfPage.size() - 1), query).encode()
                : null;
        return new PaymentPage(rows.withRefunds(rowsOfPage), hasMore, nextCursor);
    }

    /**
     * The SQL of one page and its named parameters: the filter, the keyset position after the cursor, the order made
     * unique by the id, and one row more than the page, to tell whether another page follows.
     */
    static PageSql pageSql(ListPaymentsQuery query) {
        PaymentFilterSql filter = PaymentFilterSql.of(query.filter());
        Map<String, Object> params = new HashMap<>(filter.params());
        String column = query.sort() == PaymentSort.AMOUNT ? "amount" : "created_at";
        String direction = query.ascending() ? "ASC" : "DESC";
        StringBuilder sql = new StringBuilder("SELECT * FROM payment_view WHERE ").append(filter.where());
        if (query.cursor() != null) {
            PageCursor after = PageCursor.decode(query.cursor(), query.sort(), query.ascending());
            sql.append(" AND (")
                    .append(column)
                    .append(", payment_id) ")
                    .append(query.ascending() ? '>' : '<')
                    .append(" (:afterValue, :afterId)");
            params.put("afterValue", after.sortValue());
            params.put("afterId", after.paymentId());
        }
        sql.append(" ORDER BY ").append(column).append(' ').append(direction);
        sql.append(", payment_id ").append(direction).append(" LIMIT :limit");
        params.put("limit", query.limit() + 1);
        return new PageSql(sql.toString(), params);
    }

    /** A page's SQL with named parameters. */
    record PageSql(String sql, Map<String, Object> params) {}

    /** The payment, unless {@code onlyCustomer} (null: anyone's) names another customer than its own. */
    private Optional<PaymentView> find(String paymentId, String onlyCustomer) {
        return jdbc.sql("""
                        SELECT * FROM payment_view
                        WHERE payment_id = :id AND (CAST(:onlyCustomer AS text) IS NULL OR customer_id = :onlyCustomer)
                        """)
                .param("id", paymentId)
                .param("onlyCustomer", onlyCustomer)
                .query(rows::row)
                .optional();
    }

    private static PageCursor cursorAfter(PaymentView last, ListPaymentsQuery query) {
        String value = query.sort() == PaymentSort.AMOUNT
                ? Long.toString(last.amount())
                : last.createdAt().toString();
        return new PageCursor(query.sort(), query.ascending(), value, last.id());
    }
}
