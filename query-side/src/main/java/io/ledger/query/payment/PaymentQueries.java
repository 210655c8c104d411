package io.ledger.query.payment;

import io.ledger.api.payment.FindPaymentQuery;
import io.ledger.api.payment.ListPaymentsQuery;
import io.ledger.api.payment.PaymentPage;
import io.ledger.api.payment.PaymentSort;
import io.ledger.api.payment.PaymentView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
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

    PaymentQueries(
            JdbcClient jdbc,
            JsonMapper json,
            @Value("${ledger.query.read-your-writes-wait:PT2S}") Duration readYourWritesWait) {
        this.jdbc = jdbc;
        this.rows = new PaymentRows(jdbc, json);
        this.readYourWritesWait = readYourWritesWait;
    }

    /** Waits up to the configured time for the read model to reach {@code minVersion}, then answers what it has. */
    @QueryHandler
    Optional<PaymentView> handle(FindPaymentQuery query) throws InterruptedException {
        Instant deadline = Instant.now().plus(readYourWritesWait);
        Optional<PaymentRows.Row> row = find(query.paymentId());
        while (row.map(PaymentRows.Row::version).orElse(0L) < query.minVersion()
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL.toMillis());
            row = find(query.paymentId());
        }
        return row.map(found -> rows.withRefunds(List.of(found)).get(0));
    }

    @QueryHandler
    PaymentPage handle(ListPaymentsQuery query) {
        PaymentFilterSql filter = PaymentFilterSql.of(query.filter());
        String column = query.sort() == PaymentSort.AMOUNT ? "amount" : "created_at";
        String direction = query.ascending() ? "ASC" : "DESC";
        StringBuilder sql = new StringBuilder("SELECT * FROM payment_view WHERE ").append(filter.where());
        PageCursor after =
                query.cursor() == null ? null : PageCursor.decode(query.cursor(), query.sort(), query.ascending());
        if (after != null) {
            sql.append(" AND (")
                    .append(column)
                    .append(", payment_id) ")
                    .append(query.ascending() ? '>' : '<')
                    .append(" (:afterValue, :afterId)");
        }
        sql.append(" ORDER BY ").append(column).append(' ').append(direction);
        sql.append(", payment_id ").append(direction).append(" LIMIT :limit");

        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("limit", query.limit() + 1);
        filter.params().forEach(statement::param);
        if (after != null) {
            statement.param("afterValue", after.sortValue()).param("afterId", after.paymentId());
        }
        List<PaymentRows.Row> found = statement.query(rows::row).list();
        boolean hasMore = found.size() > query.limit();
        List<PaymentRows.Row> page = hasMore ? found.subList(0, query.limit()) : found;
        String nextCursor =
                hasMore ? cursorAfter(page.get(page.size() - 1), query).encode() : null;
        return new PaymentPage(rows.withRefunds(page), hasMore, nextCursor);
    }

    private Optional<PaymentRows.Row> find(String paymentId) {
        return jdbc.sql("SELECT * FROM payment_view WHERE payment_id = ?")
                .param(paymentId)
                .query(rows::row)
                .optional();
    }

    private static PageCursor cursorAfter(PaymentRows.Row last, ListPaymentsQuery query) {
        String value = query.sort() == PaymentSort.AMOUNT
                ? Long.toString(last.amount())
                : last.createdAt().toString();
        return new PageCursor(query.sort(), query.ascending(), value, last.id());
    }
}
