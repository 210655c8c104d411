package io.ledger.query.payment;

import io.ledger.api.payment.PaymentFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams payments as RFC 4180 CSV. Rows come from a server-side cursor (a fetch size inside a read-only
 * transaction) and go straight to the client, so memory stays constant however many payments match.
 */
@Component
class PaymentCsvExport {

    static final String[] HEADER = {
        "id",
        "status",
        "amount",
        "currency",
        "amount_refunded",
        "customer_id",
        "order_id",
        "description",
        "provider",
        "provider_payment_id",
        "failure_code",
        "reconciliation_status",
        "settlement_id",
        "fee",
        "net_amount",
        "created_at",
        "succeeded_at",
        "updated_at",
        "archived"
    };
    private static final int FETCH_SIZE = 1_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    PaymentCsvExport(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        this.jdbc.getJdbcTemplate().setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transaction.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    void write(PaymentFilter filter, OutputStream out) throws IOException {
        PaymentFilterSql where = PaymentFilterSql.of(filter);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(
                writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        readOnly.executeWithoutResult(tx -> jdbc.query(
                "SELECT * FROM payment_view WHERE " + where.where() + " ORDER BY created_at DESC, payment_id DESC",
                where.params(),
                rs -> {
                    try {
                        csv.printRecord(
                                rs.getString("payment_id"),
                                rs.getString("status"),
                                rs.getLong("amount"),
                                rs.getString("currency"),
                                rs.getLong("amount_refunded"),
                                rs.getString("customer_id"),
                                rs.getString("order_id"),
                                rs.getString("description"),
                                rs.getString("provider"),
                                rs.getString("provider_payment_id"),
                                rs.getString("failure_code"),
                                rs.getString("reconciliation_status"),
                                rs.getString("settlement_id"),
                                rs.getObject("settlement_fee"),
                                rs.getObject("settlement_net"),
                                iso(rs.getObject("created_at", OffsetDateTime.class)),
                                iso(rs.getObject("succeeded_at", OffsetDateTime.class)),
                                iso(rs.getObject("updated_at", OffsetDateTime.class)),
                                rs.getBoolean("archived"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
        csv.flush();
    }

    private static String iso(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toString();
    }
}
