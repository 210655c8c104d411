package io.ledger.query.reconciliation;

import io.ledger.api.reconciliation.ReconciliationSummaryView;
import io.ledger.api.reconciliation.UnreconciledPaymentPage;
import java.time.Clock;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reconciliation queries over HTTP. The literal paths win over {@code /api/payments/{id}}. */
@RestController
@RequestMapping("/api/payments")
class ReconciliationController {

    private final QueryGateway queries;
    private final Clock clock;

    ReconciliationController(QueryGateway queries, ObjectProvider<Clock> clock) {
        this.queries = queries;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/unreconciled")
    UnreconciledPaymentPage unreconciled(@RequestParam MultiValueMap<String, String> parameters) {
        return queries.query(
                        ReconciliationParameters.unreconciled(parameters, clock.instant()),
                        UnreconciledPaymentPage.class)
                .join();
    }

    @GetMapping("/reconciliation")
    ReconciliationSummaryView summary(@RequestParam MultiValueMap<String, String> parameters) {
        return queries.query(
                        ReconciliationParameters.summary(parameters, clock.instant()), ReconciliationSummaryView.class)
                .join();
    }
}
