package io.ledger.query.reconciliation;

import io.ledger.api.reconciliation.ReconciliationSummaryView;
import io.ledger.api.reconciliation.UnreconciledPaymentPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Reporting")
class ReconciliationController {

    private final QueryGateway queries;
    private final Clock clock;

    ReconciliationController(QueryGateway queries, ObjectProvider<Clock> clock) {
        this.queries = queries;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Operation(
            operationId = "listUnreconciledPayments",
            summary = "List captured payments without a matched settlement",
            description = """
                    Captured payments whose capture is older than `olderThan` and that have no settlement yet \
                    (`unreconciled`) or one whose gross differs from the captured amount (`mismatched`), oldest \
                    capture first, keyset-paginated. `reconciliation` is the latest settlement seen.""")
    @Parameter(
            name = "olderThan",
            in = ParameterIn.QUERY,
            description = """
                    An ISO-8601 duration such as `PT24H` or `P2D`, not negative; `PT0S` lists everything captured so \
                    far. Default: `PT24H`.""",
            schema = @Schema(type = "string", example = "PT24H"))
    @Parameter(
            name = "limit",
            in = ParameterIn.QUERY,
            description = "Payments per page.",
            schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
    @Parameter(
            name = "cursor",
            in = ParameterIn.QUERY,
            description = "The `nextCursor` of the previous page, as it was answered.",
            schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "One page of unreconciled payments.")
    @ApiResponse(responseCode = "400", description = """
                    `validation_failed`: a malformed or negative `olderThan`, a `limit` outside 1 to 100, a damaged \
                    cursor, or an unknown or repeated parameter.""")
    @GetMapping("/unreconciled")
    UnreconciledPaymentPage unreconciled(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        return queries.query(
                        ReconciliationParameters.unreconciled(parameters, clock.instant()),
                        UnreconciledPaymentPage.class)
                .join();
    }

    @Operation(
            operationId = "getReconciliationSummary",
            summary = "Reconciliation totals per currency",
            description = """
                    For the payments captured on the UTC days `from` to `to` (both included; by default the 30 days \
                    up to today), per currency: how many are `matched`, `mismatched` and `unreconciled` with their \
                    captured amounts, and `feeTotal`, the fees of their latest settlements.""")
    @Parameter(
            name = "from",
            in = ParameterIn.QUERY,
            description = "The first UTC day of capture (ISO date). Default: 29 days before `to`.",
            schema = @Schema(type = "string", format = "date"))
    @Parameter(
            name = "to",
            in = ParameterIn.QUERY,
            description = "The last UTC day of capture (ISO date), included. Default: today.",
            schema = @Schema(type = "string", format = "date"))
    @ApiResponse(responseCode = "200", description = "The totals of every currency with captures in the range.")
    @ApiResponse(responseCode = "400", description = """
                    `validation_failed`: a malformed date, `from` after `to`, or an unknown or repeated \
                    parameter.""")
    @GetMapping("/reconciliation")
    ReconciliationSummaryView summary(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        return queries.query(
                        ReconciliationParameters.summary(parameters, clock.instant()), ReconciliationSummaryView.class)
                .join();
    }
}
