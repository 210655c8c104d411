package io.ledger.query.audit;

import io.ledger.api.payment.FindPaymentQuery;
import io.ledger.api.payment.PaymentView;
import io.ledger.query.payment.PaymentNotFound;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A payment as it stood at an instant, rebuilt from its own events up to then: they are replayed through the payment
 * history projection into scratch copies of its tables ({@link ScratchSchema}), and the payment is read back by the
 * query side's own query handler, in the same (rolled back) transaction: one definition of the payment resource.
 */
@Component
class PaymentAsOf {

    static final String PROCESSOR = "payment-history";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ProjectionHandlers projections;
    private final EventMessages messages;
    private final QueryGateway queries;

    PaymentAsOf(
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            ProjectionHandlers projections,
            EventMessages messages,
            QueryGateway queries) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(transactionManager);
        this.projections = projections;
        this.messages = messages;
        this.queries = queries;
    }

    /**
     * The payment at {@code asOf} (its events with a timestamp at or before it). Unknown payment: {@link PaymentNotFound};
     * a payment created after {@code asOf}: {@link PaymentNotYetCreated}.
     */
    PaymentView find(String paymentId, Instant asOf) {
        return transaction.execute(status -> {
            status.setRollbackOnly();
            List<StoredEvent> stream = jdbc.query(
                    "SELECT " + StoredEvent.COLUMNS
                            + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                    StoredEvent::row,
                    paymentId);
            if (stream.isEmpty()) {
                throw new PaymentNotFound(paymentId);
            }
            List<StoredEvent> upToThen = stream.stream()
                    .filter(event -> !Instant.parse(event.timeStamp()).isAfter(asOf))
                    .toList();
            if (upToThen.isEmpty()) {
                throw new PaymentNotYetCreated(
                        paymentId, asOf, Instant.parse(stream.get(0).timeStamp()));
            }
            ScratchSchema.create(jdbc, ReadModelTables.of(PROCESSOR).keySet());
            ScratchFeed feed = new ScratchFeed();
            upToThen.forEach(event -> feed.deliver(projections.of(PROCESSOR), messages.of(event)));
            feed.flush();
            return queries.query(
                            new FindPaymentQuery(paymentId, 0, null),
                            ResponseTypes.optionalInstanceOf(PaymentView.class))
                    .join()
                    .orElseThrow(() -> new PaymentNotFound(paymentId));
        });
    }
}
