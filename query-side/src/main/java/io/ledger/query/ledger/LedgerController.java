package io.ledger.query.ledger;

import io.ledger.api.ledger.AccountListView;
import io.ledger.api.ledger.JournalLinePage;
import io.ledger.api.ledger.ListAccountsQuery;
import io.ledger.api.ledger.TrialBalanceView;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The double-entry journal over HTTP: accounts with balances, an account's lines, the trial balance. */
@RestController
@RequestMapping("/api/ledger")
class LedgerController {

    private final QueryGateway queries;

    LedgerController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/accounts")
    AccountListView accounts(@RequestParam MultiValueMap<String, String> parameters) {
        LedgerParameters.none(parameters);
        return queries.query(new ListAccountsQuery(), AccountListView.class).join();
    }

    /** Keyset-paginated, oldest line first: {@code ?limit=20&cursor=...}. */
    @GetMapping("/accounts/{account}/entries")
    JournalLinePage entries(@PathVariable String account, @RequestParam MultiValueMap<String, String> parameters) {
        return queries.query(LedgerParameters.entriesQuery(account, parameters), JournalLinePage.class)
                .join();
    }

    /** {@code ?asOf=2026-11-22T09:00:00Z}, now when absent. */
    @GetMapping("/trial-balance")
    TrialBalanceView trialBalance(@RequestParam MultiValueMap<String, String> parameters) {
        return queries.query(LedgerParameters.trialBalanceQuery(parameters), TrialBalanceView.class)
                .join();
    }
}
