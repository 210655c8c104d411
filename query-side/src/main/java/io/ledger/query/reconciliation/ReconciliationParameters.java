package io.ledger.query.reconciliation;

import io.ledger.api.reconciliation.FindReconciliationSummaryQuery;
import io.ledger.api.reconciliation.ListUnreconciledPaymentsQuery;
import io.ledger.query.payment.InvalidQueryParameter;
import io.ledger.query.web.QueryParameters;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/** Reads the query parameters of the unreconciled list and the reconciliation summary. */
final class ReconciliationParameters {

    static final Duration DEFAULT_OLDER_THAN = Duration.ofHours(24);
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final int DEFAULT_DAYS = 30;

    private ReconciliationParameters() {}

    /**
     * {@code ?olderThan=PT24H&limit=20&cursor=}: payments that succeeded more than {@code olderThan} (an ISO-8601
     * duration, not negative) before {@code now}.
     */
    static ListUnreconciledPaymentsQuery unreconciled(MultiValueMap<String, String> parameters, Instant now) {
        QueryParameters read = new QueryParameters(parameters, Set.of("olderThan", "limit", "cursor"));
        Instant succeededBefore = read.optional(
                "olderThan",
                value -> {
                    Duration olderThan = Duration.parse(value);
                    if (olderThan.isNegative()) {
                        throw new IllegalArgumentException("negative");
                    }
                    return now.minus(olderThan);
                },
                now.minus(DEFAULT_OLDER_THAN));
        int limit = read.optional("limit", Integer::parseInt, DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryParameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        String cursor = parameters.getFirst("cursor");
        if (cursor != null) {
            UnreconciledCursor.decode(cursor);
        }
        return new ListUnreconciledPaymentsQuery(succeededBefore, limit, cursor);
    }

    /** {@code ?from=&to=}: ISO dates, UTC days both included; by default the 30 days up to today. */
    static FindReconciliationSummaryQuery summary(MultiValueMap<String, String> parameters, Instant now) {
        QueryParameters read = new QueryParameters(parameters, Set.of("from", "to"));
        QueryParameters.DayRange days = read.days(LocalDate.ofInstant(now, ZoneOffset.UTC), DEFAULT_DAYS);
        return new FindReconciliationSummaryQuery(days.from(), days.to());
    }
}
