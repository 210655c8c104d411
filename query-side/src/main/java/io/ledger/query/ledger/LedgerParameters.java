package io.ledger.query.ledger;

import io.ledger.api.ledger.FindTrialBalanceQuery;
import io.ledger.api.ledger.ListAccountEntriesQuery;
import io.ledger.query.payment.InvalidQueryParameter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/** Reads the ledger endpoints' query parameters, rejecting what they cannot mean with the parameter's name. */
final class LedgerParameters {

    static final int DEFAULT_LIMIT = 20;

    /** PostgreSQL's timestamps reach further, but no ledger line is dated outside these years. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private LedgerParameters() {}

    static void none(MultiValueMap<String, String> parameters) {
        check(parameters, Set.of());
    }

    static ListAccountEntriesQuery entriesQuery(String account, MultiValueMap<String, String> parameters) {
        check(parameters, Set.of("limit", "cursor"));
        String limitValue = parameters.getFirst("limit");
        int limit = DEFAULT_LIMIT;
        if (limitValue != null) {
            try {
                limit = Integer.parseInt(limitValue);
            } catch (NumberFormatException e) {
                throw new InvalidQueryParameter("limit", "has an invalid value: " + limitValue);
            }
        }
        if (limit < 1 || limit > LedgerQueries.MAX_LIMIT) {
            throw new InvalidQueryParameter("limit", "must be between 1 and " + LedgerQueries.MAX_LIMIT);
        }
        String cursor = parameters.getFirst("cursor");
        if (cursor != null) {
            EntryCursor.decode(cursor, account);
        }
        return new ListAccountEntriesQuery(account, limit, cursor);
    }

    static FindTrialBalanceQuery trialBalanceQuery(MultiValueMap<String, String> parameters) {
        check(parameters, Set.of("asOf"));
        String value = parameters.getFirst("asOf");
        if (value == null) {
            return new FindTrialBalanceQuery(null);
        }
        Instant asOf;
        try {
            asOf = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryParameter("asOf", "must be an ISO-8601 instant such as 2026-11-22T09:12:24Z");
        }
        if (asOf.isBefore(EARLIEST) || asOf.isAfter(LATEST)) {
            throw new InvalidQueryParameter("asOf", "must be between the years 1 and 9999");
        }
        return new FindTrialBalanceQuery(asOf);
    }

    private static void check(MultiValueMap<String, String> parameters, Set<String> allowed) {
        parameters.forEach((name, values) -> {
            if (!allowed.contains(name)) {
                throw new InvalidQueryParameter(name, "is not a known parameter");
            }
            if (values.size() > 1) {
                throw new InvalidQueryParameter(name, "is given more than once");
            }
        });
    }
}
