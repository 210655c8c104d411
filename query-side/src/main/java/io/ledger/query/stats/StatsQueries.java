package io.ledger.query.stats;

import io.ledger.api.payment.Provider;
import io.ledger.api.stats.FindPaymentStatsQuery;
import io.ledger.api.stats.PaymentStatsView;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers stats queries from the day buckets of the range; payments themselves are never read. */
@Component
class StatsQueries {

    private final JdbcClient jdbc;

    StatsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    PaymentStatsView handle(FindPaymentStatsQuery query) {
        List<StatsReport.Bucket> buckets = jdbc.sql("SELECT * FROM stats_bucket WHERE day BETWEEN :from AND :to")
                .param("from", query.from())
                .param("to", query.to())
                .query((rs, rowNum) -> new StatsReport.Bucket(
                        new BucketKey(
                                rs.getObject("day", LocalDate.class),
                                rs.getString("currency"),
                                Provider.valueOf(rs.getString("provider").toUpperCase(Locale.ROOT))),
                        new BucketFigures(
                                rs.getLong("created"),
                                rs.getLong("succeeded"),
                                rs.getLong("failed"),
                                rs.getLong("canceled"),
                                rs.getLong("gross_volume"),
                                rs.getLong("refunded_volume"),
                                rs.getLong("fee_volume"))))
                .list();
        return StatsReport.of(query, buckets);
    }
}
