package io.ledger.query.report;

import io.ledger.api.report.PaymentReportView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payment reports over HTTP: one statement, written as JSON, CSV or PDF. The literal path wins over {@code
 * /api/payments/{id}} (and no payment id reads {@code reports}: ids start with {@code pay_}).
 */
@RestController
@RequestMapping("/api/payments")
@Tag(name = "Reporting")
class ReportController {

    private final QueryGateway queries;
    private final Clock clock;

    ReportController(QueryGateway queries, ObjectProvider<Clock> clock) {
        this.queries = queries;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Operation(operationId = "getPaymentReport", summary = "Payment statement of a period", description = """
                    A statement per currency for the UTC days `from` to `to` (both included; by default the 30 days \
                    up to today): `counts` of the period's facts (payments created, succeeded, failed attempts, \
                    canceled, disputes opened), `statuses` of the payments created in the period as they stand now, \
                    the amounts `gross`, `refunded`, `fees`, `disputed` and `net` (= gross - refunded - fees) in \
                    minor units, and every account of the chart with its `opening` balance, the period's `debits` \
                    and `credits` and its `closing` balance (balances are debits - credits, as in the trial \
                    balance). The counts and amounts are those of `GET /api/payments/stats` for the same days, the \
                    accounts those of the trial balance at the period's first and last instant; one database \
                    snapshot gives them all. Archived payments count like any other. With `format=csv` one row per \
                    figure, with `format=pdf` a printable document of the same figures.""")
    @Parameter(
            name = "from",
            in = ParameterIn.QUERY,
            description = "The first UTC day (ISO date). Default: 29 days before `to`.",
            schema = @Schema(type = "string", format = "date"))
    @Parameter(
            name = "to",
            in = ParameterIn.QUERY,
            description = "The last UTC day (ISO date), included; less than 100 years after `from`. Default: today.",
            schema = @Schema(type = "string", format = "date"))
    @Parameter(
            name = "currency",
            in = ParameterIn.QUERY,
            description = """
                    Only this currency (ISO 4217, either case), reported even when nothing happened in it. Default: \
                    every currency with a payment fact in the period or a journal entry by its end.""",
            schema = @Schema(type = "string", example = "usd"))
    @Parameter(
            name = "format",
            in = ParameterIn.QUERY,
            description = "How the statement is written: the JSON resource, CSV (one row per figure) or PDF.",
            schema =
                    @Schema(
                            allowableValues = {"json", "csv", "pdf"},
                            defaultValue = "json"))
    @ApiResponse(
            responseCode = "200",
            description = """
                    The statement, in the format asked for; CSV as the attachment \
                    `payment-report-<from>-<to>[-<currency>].csv` with the header \
                    `from,to,currency,section,name,value,opening,debits,credits,closing`, PDF inline under the same \
                    name.""",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentReportView.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(
                        mediaType = "application/pdf",
                        schema = @Schema(type = "string", format = "binary", contentMediaType = "application/pdf"))
            })
    @ApiResponse(responseCode = "400", description = """
                    `validation_failed`: a malformed date (instants are not accepted: the figures are kept per day), \
                    `from` after `to` or 100 years or more before it, a currency the ledger does not take, a \
                    `format` other than `json`, `csv` or `pdf`, or an unknown or repeated parameter; `errors` names \
                    the parameter.""")
    @GetMapping("/reports")
    ResponseEntity<Object> report(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        ReportRequest request =
                ReportParameters.request(parameters, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        PaymentReportView report =
                queries.query(request.query(), PaymentReportView.class).join();
        ResponseEntity.BodyBuilder answer =
                ResponseEntity.ok().contentType(request.format().mediaType());
        return switch (request.format()) {
            case JSON -> answer.body(report);
            case CSV ->
                answer.header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename(request.fileName())
                                        .build()
                                        .toString())
                        .body(ReportCsv.write(report));
            case PDF ->
                answer.header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.inline()
                                        .filename(request.fileName())
                                        .build()
                                        .toString())
                        .body(ReportPdf.render(report));
        };
    }
}
