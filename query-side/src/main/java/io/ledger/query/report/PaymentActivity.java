package io.ledger.query.report;

import io.ledger.api.payment.PaymentStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the report takes from the payment-history read model (its tables are read, never written): the payments
 * created on the days by the status they have now, and the disputes opened on them. Every payment counts, archived or
 * not. Days are UTC, both ends included.
 */
@Component
class PaymentActivity {

    private final JdbcClient jdbc;

    PaymentActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per currency, the payments created on the days by their status now. */
    Map<String, Map<PaymentStatus, Long>> statuses(LocalDate from, LocalDate to, @Nullable String currency) {
        Map<String, Map<PaymentStatus, Long>> statuses = new TreeMap<>();
        jdbc.sql("""
                        SELECT currency, status, count(*) AS payments FROM payment_view
                         WHERE created_at >= :start AND created_at < :end
                           AND (CAST(:currency AS char(3)) IS NULL OR currency = :currency)
                         GROUP BY currency, status
                        """)
                .param("start", start(from))
                .param("end", start(to.plusDays(1)))
                .param("currency", currency)
                .query(rs -> {
                    statuses.computeIfAbsent(rs.getString("currency"), code -> new EnumMap<>(PaymentStatus.class))
                            .put(
                                    PaymentStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                                    rs.getLong("payments"));
                });
        return statuses;
    }

    /** Per currency, the disputes opened on the days: how many, and the amounts withdrawn (fees aside). */
    Map<String, Disputes> disputes(LocalDate from, LocalDate to, @Nullable String currency) {
        Map<String, Disputes> disputes = new TreeMap<>();
        jdbc.sql("""
                        SELECT currency, count(*) AS disputes, sum(amount)::bigint AS amount FROM dispute_view
                         WHERE opened_at >= :start AND opened_at < :end
                           AND (CAST(:currency AS char(3)) IS NULL OR currency = :currency)
                         GROUP BY currency
                        """)
                .param("start", start(from))
                .param("end", start(to.plusDays(1)))
                .param("currency", currency)
                .query(rs -> {
                    disputes.put(rs.getString("currency"), new Disputes(rs.getLong("disputes"), rs.getLong("amount")));
                });
        return disputes;
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** Disputes of one currency: how many, and what they withdrew in minor units. */
    record Disputes(long count, long amount) {
        static final Disputes NONE = new Disputes(0, 0);
    }
}
