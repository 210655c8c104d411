package io.ledger.query.ledger;

import io.ledger.api.ledger.AccountListView;
import io.ledger.api.ledger.JournalLinePage;
import io.ledger.api.ledger.ListAccountsQuery;
import io.ledger.api.ledger.TrialBalanceView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Journal")
class LedgerController {

    private final QueryGateway queries;

    LedgerController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(operationId = "listAccounts", summary = "List the chart of accounts", description = """
                    Every account of the chart in its fixed order, with a balance per currency it was ever posted \
                    in: `balance` is debits - credits, `normalBalance` the same seen from the account's normal side \
                    (credits - debits for revenue). Always one page.""")
    @ApiResponse(responseCode = "200", description = "The chart of accounts with balances.")
    @ApiResponse(responseCode = "400", description = "`validation_failed`: this call takes no parameters.")
    @GetMapping("/accounts")
    AccountListView accounts(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        LedgerParameters.none(parameters);
        return queries.query(new ListAccountsQuery(), AccountListView.class).join();
    }

    /** Keyset-paginated, oldest line first: {@code ?limit=20&cursor=...}. */
    @Operation(operationId = "listAccountEntries", summary = "List an account's journal lines", description = """
                    The account's journal lines, oldest first by (global index, line), keyset-paginated. Each line \
                    is a debit or a credit (the other is 0) in minor units of its currency; the lines of one event \
                    share `entryId`.""")
    @Parameter(
            name = "account",
            in = ParameterIn.PATH,
            description = "An account of the chart, such as `processor_clearing`.",
            example = "processor_clearing")
    @Parameter(
            name = "limit",
            in = ParameterIn.QUERY,
            description = "Lines per page.",
            schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
    @Parameter(
            name = "cursor",
            in = ParameterIn.QUERY,
            description = "The `nextCursor` of the previous page, as it was answered.",
            schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "One page of journal lines.")
    @ApiResponse(responseCode = "400", description = """
                    `validation_failed`: a `limit` outside 1 to 100, a damaged cursor or one of another account, or \
                    an unknown or repeated parameter.""")
    @ApiResponse(responseCode = "404", description = "`account_not_found`: the chart has no such account.")
    @GetMapping("/accounts/{account}/entries")
    JournalLinePage entries(
            @PathVariable String account,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        return queries.query(LedgerParameters.entriesQuery(account, parameters), JournalLinePage.class)
                .join();
    }

    /** {@code ?asOf=2026-11-22T09:00:00Z}, now when absent. */
    @Operation(operationId = "getTrialBalance", summary = "Trial balance", description = """
                    Every account in every currency the journal has seen (zeros included), with what was posted at or \
                    before `asOf`, the totals per currency, and whether each currency balances. Currencies are never \
                    summed together. It is always balanced.""")
    @Parameter(
            name = "asOf",
            in = ParameterIn.QUERY,
            description = "An ISO-8601 instant, to the millisecond. Default: now.",
            schema = @Schema(type = "string", format = "date-time"))
    @ApiResponse(responseCode = "200", description = "The trial balance.")
    @ApiResponse(responseCode = "400", description = """
                    `validation_failed`: `asOf` is not an ISO-8601 instant of the years 1 to 9999, or an unknown or \
                    repeated parameter.""")
    @GetMapping("/trial-balance")
    TrialBalanceView trialBalance(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        return queries.query(LedgerParameters.trialBalanceQuery(parameters), TrialBalanceView.class)
                .join();
    }
}
