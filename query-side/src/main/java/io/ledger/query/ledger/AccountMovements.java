package io.ledger.query.ledger;

import io.ledger.api.ledger.AccountMovementView;
import io.ledger.api.ledger.AccountMovementsView;
import io.ledger.api.ledger.FindAccountMovementsQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How the accounts moved over a range of UTC days, from the daily totals alone: the days before the range make the
 * opening balance, the days of the range the debits and credits. A day's totals hold exactly the lines posted on it,
 * so the opening balance is the trial balance as of the range's first instant and the closing one the trial balance
 * as of its last.
 */
@Component
class AccountMovements {

    private final JdbcClient jdbc;

    AccountMovements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    AccountMovementsView handle(FindAccountMovementsQuery query) {
        Map<String, Sums> sums = new HashMap<>();
        jdbc.sql("""
                        SELECT account, currency,
                               coalesce(sum(debits) FILTER (WHERE day < :from), 0)::bigint AS opening_debits,
                               coalesce(sum(credits) FILTER (WHERE day < :from), 0)::bigint AS opening_credits,
                               coalesce(sum(debits) FILTER (WHERE day >= :from), 0)::bigint AS debits,
                               coalesce(sum(credits) FILTER (WHERE day >= :from), 0)::bigint AS credits
                          FROM journal_balance_daily
                         WHERE day <= :to
                         GROUP BY account, currency
                        """).param("from", query.from()).param("to", query.to()).query(rs -> {
            sums.put(
                    key(rs.getString("account"), rs.getString("currency")),
                    new Sums(
                            Math.subtractExact(rs.getLong("opening_debits"), rs.getLong("opening_credits")),
                            rs.getLong("debits"),
                            rs.getLong("credits")));
        });
        SortedSet<String> currencies = new TreeSet<>(query.alsoCurrencies());
        currencies.addAll(jdbc.sql("SELECT DISTINCT currency FROM journal_balance_daily WHERE day <= :to")
                .param("to", query.to())
                .query(String.class)
                .list());
        List<AccountMovementView> accounts = new ArrayList<>();
        for (String currency : currencies) {
            for (Account account : Account.values()) {
                Sums moved = sums.getOrDefault(key(account.code(), currency), Sums.NONE);
                accounts.add(new AccountMovementView(
                        account.code(),
                        account.type().code(),
                        account.type().normalSide().code(),
                        currency,
                        moved.opening(),
                        moved.debits(),
                        moved.credits(),
                        Math.subtractExact(Math.addExact(moved.opening(), moved.debits()), moved.credits())));
            }
        }
        return new AccountMovementsView(query.from(), query.to(), accounts);
    }

    private static String key(String account, String currency) {
        return account + "|" + currency;
    }

    private record Sums(long opening, long debits, long credits) {
        static final Sums NONE = new Sums(0, 0, 0);
    }
}
