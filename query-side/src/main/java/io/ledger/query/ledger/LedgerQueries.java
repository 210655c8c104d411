package io.ledger.query.ledger;

import io.ledger.api.ledger.AccountBalanceView;
import io.ledger.api.ledger.AccountListView;
import io.ledger.api.ledger.AccountView;
import io.ledger.api.ledger.FindTrialBalanceQuery;
import io.ledger.api.ledger.JournalLinePage;
import io.ledger.api.ledger.JournalLineView;
import io.ledger.api.ledger.ListAccountEntriesQuery;
import io.ledger.api.ledger.ListAccountsQuery;
import io.ledger.api.ledger.TrialBalanceView;
import io.ledger.api.ledger.TrialBalanceView.CurrencyTotalView;
import io.ledger.api.ledger.TrialBalanceView.TrialBalanceLineView;
import io.ledger.query.payment.InvalidQueryParameter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers the ledger's queries from the journal's tables. */
@Component
class LedgerQueries {

    static final int MAX_LIMIT = 100;

    private final JdbcClient jdbc;
    private final Clock clock;

    LedgerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    /** Current balances: the sum of the daily totals, never a scan of the lines. */
    @QueryHandler
    AccountListView handle(ListAccountsQuery query) {
        Map<Account, List<AccountBalanceView>> balances = new HashMap<>();
        jdbc.sql("""
                        SELECT account, currency, sum(debits)::bigint AS debits, sum(credits)::bigint AS credits
                        FROM journal_balance_daily GROUP BY account, currency ORDER BY account, currency
                        """).query(rs -> {
            Account account = Account.fromCode(rs.getString("account")).orElseThrow();
            balances.computeIfAbsent(account, key -> new ArrayList<>())
                    .add(balance(account, rs.getString("currency"), rs.getLong("debits"), rs.getLong("credits")));
        });
        List<AccountView> accounts = new ArrayList<>();
        for (Account account : Account.values()) {
            accounts.add(new AccountView(
                    account.code(),
                    account.type().code(),
                    account.type().normalSide().code(),
                    account.description(),
                    balances.getOrDefault(account, List.of())));
        }
        return AccountListView.of(accounts);
    }

    @QueryHandler
    JournalLinePage handle(ListAccountEntriesQuery query) {
        Account account = Account.fromCode(query.account()).orElseThrow(() -> new AccountNotFound(query.account()));
        if (query.limit() < 1 || query.limit() > MAX_LIMIT) {
            throw new InvalidQueryParameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        EntryCursor after = query.cursor() == null ? null : EntryCursor.decode(query.cursor(), account.code());
        String sql = "SELECT * FROM journal_line WHERE account = :account"
                + (after == null ? "" : " AND (global_index, line_no) > (:afterIndex, :afterLine)")
                + " ORDER BY global_index, line_no LIMIT :limit";
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql).param("account", account.code()).param("limit", query.limit() + 1);
        if (after != null) {
            statement.param("afterIndex", after.globalIndex()).param("afterLine", after.lineNo());
        }
        List<JournalLineView> found = statement
                .query((rs, n) -> new JournalLineView(
                        rs.getString("event_id"),
                        rs.getInt("line_no"),
                        rs.getLong("global_index"),
                        rs.getString("payment_id"),
                        rs.getString("entry_kind"),
                        rs.getString("account"),
                        rs.getString("currency"),
                        rs.getLong("debit"),
                        rs.getLong("credit"),
                        rs.getObject("posted_at", OffsetDateTime.class).toInstant()))
                .list();
        boolean hasMore = found.size() > query.limit();
        List<JournalLineView> page = hasMore ? found.subList(0, query.limit()) : found;
        String nextCursor = null;
        if (hasMore) {
            JournalLineView last = page.get(page.size() - 1);
            nextCursor = new EntryCursor(account.code(), last.globalIndex(), last.line()).encode();
        }
        return new JournalLinePage(page, hasMore, nextCursor);
    }

    /**
     * The trial balance at an instant: the daily totals of the days before it plus the lines of its own day up to it.
     * Every account appears for every currency the journal has ever seen, with zeros where it had nothing yet.
     */
    @QueryHandler
    TrialBalanceView handle(FindTrialBalanceQuery query) {
        // Millisecond precision, as every timestamp the API answers.
        Instant asOf = query.asOf() == null ? clock.instant().truncatedTo(ChronoUnit.MILLIS) : query.asOf();
        LocalDate day = asOf.atZone(ZoneOffset.UTC).toLocalDate();
        Map<String, long[]> sums = new HashMap<>();
        jdbc.sql("""
                        SELECT account, currency, sum(debits)::bigint AS debits, sum(credits)::bigint AS credits
                        FROM (
                            SELECT account, currency, debits, credits FROM journal_balance_daily WHERE day < :day
                            UNION ALL
                            SELECT account, currency, debit, credit FROM journal_line
                            WHERE posted_at >= :dayStart AND posted_at <= :asOf
                        ) AS moves
                        GROUP BY account, currency
                        """)
                .param("day", day)
                .param("dayStart", day.atStartOfDay().atOffset(ZoneOffset.UTC))
                .param("asOf", asOf.atOffset(ZoneOffset.UTC))
                .query(rs -> {
                    sums.put(
                            rs.getString("account") + "|" + rs.getString("currency"),
                            new long[] {rs.getLong("debits"), rs.getLong("credits")});
                });
        List<String> currencies = jdbc.sql("SELECT DISTINCT currency FROM journal_balance_daily ORDER BY currency")
                .query(String.class)
                .list();
        List<TrialBalanceLineView> lines = new ArrayList<>();
        List<CurrencyTotalView> totals = new ArrayList<>();
        boolean balanced = true;
        for (String currency : currencies) {
            long debits = 0;
            long credits = 0;
            for (Account account : Account.values()) {
                long[] sum = sums.getOrDefault(account.code() + "|" + currency, new long[2]);
                lines.add(new TrialBalanceLineView(
                        account.code(),
                        account.type().code(),
                        currency,
                        sum[0],
                        sum[1],
                        Math.subtractExact(sum[0], sum[1])));
                debits = Math.addExact(debits, sum[0]);
                credits = Math.addExact(credits, sum[1]);
            }
            totals.add(new CurrencyTotalView(currency, debits, credits, debits == credits));
            balanced &= debits == credits;
        }
        return new TrialBalanceView(asOf, lines, totals, balanced);
    }

    private static AccountBalanceView balance(Account account, String currency, long debits, long credits) {
        long balance = Math.subtractExact(debits, credits);
        long normalBalance = account.type().normalSide() == Side.DEBIT ? balance : Math.negateExact(balance);
        return new AccountBalanceView(currency, debits, credits, balance, normalBalance);
    }
}
