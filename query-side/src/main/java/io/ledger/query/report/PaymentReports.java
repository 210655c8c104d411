package io.ledger.query.report;

import io.ledger.api.ledger.AccountMovementsView;
import io.ledger.api.ledger.FindAccountMovementsQuery;
import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.report.FindPaymentReportQuery;
import io.ledger.api.report.PaymentReportView;
import io.ledger.api.stats.FindPaymentStatsQuery;
import io.ledger.api.stats.PaymentStatsView;
import io.ledger.api.stats.StatsGrouping;
import io.ledger.query.report.PaymentActivity.Disputes;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers report queries by asking the stats and the journal for the same days (their own queries, so that the
 * figures are theirs) and reading the payment history's statuses and disputes, all inside one read-only
 * repeatable-read transaction: every figure of a statement comes from one snapshot of the database. The stats are
 * asked by month, the coarsest series they keep, since only their totals are used.
 */
@Component
class PaymentReports {

    private final QueryGateway queries;
    private final PaymentActivity activity;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    PaymentReports(
            QueryGateway queries,
            PaymentActivity activity,
            PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock) {
        this.queries = queries;
        this.activity = activity;
        this.snapshot = new TransactionTemplate(transactions);
        // A transaction of its own: the one the query bus began may not change its isolation any more.
        this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @QueryHandler
    PaymentReportView handle(FindPaymentReportQuery query) {
        return snapshot.execute(transaction -> {
            Instant generatedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            PaymentStatsView stats = queries.query(
                            new FindPaymentStatsQuery(query.from(), query.to(), StatsGrouping.MONTH),
                            PaymentStatsView.class)
                    .join();
            Map<String, Map<PaymentStatus, Long>> statuses =
                    activity.statuses(query.from(), query.to(), query.currency());
            Map<String, Disputes> disputes = activity.disputes(query.from(), query.to(), query.currency());
            // The chart in every reported currency, also those with payments but nothing posted yet.
            Set<String> currencies = new HashSet<>(statuses.keySet());
            currencies.addAll(disputes.keySet());
            stats.currencies().forEach(currency -> currencies.add(currency.currency()));
            if (query.currency() != null) {
                currencies.add(query.currency());
            }
            AccountMovementsView accounts = queries.query(
                            new FindAccountMovementsQuery(query.from(), query.to(), currencies),
                            AccountMovementsView.class)
                    .join();
            return ReportAssembly.of(query, generatedAt, stats, accounts, statuses, disputes);
        });
    }
}
