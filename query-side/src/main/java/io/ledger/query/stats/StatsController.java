package io.ledger.query.stats;

import io.ledger.api.stats.PaymentStatsView;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Payment stats over HTTP. The literal path wins over {@code /api/payments/{id}}. */
@RestController
@RequestMapping("/api/payments")
class StatsController {

    private final QueryGateway queries;
    private final Clock clock;

    StatsController(QueryGateway queries, ObjectProvider<Clock> clock) {
        this.queries = queries;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/stats")
    PaymentStatsView stats(@RequestParam MultiValueMap<String, String> parameters) {
        return queries.query(
                        StatsParameters.query(parameters, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)),
                        PaymentStatsView.class)
                .join();
    }
}
