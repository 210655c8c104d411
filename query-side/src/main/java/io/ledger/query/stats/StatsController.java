package io.ledger.query.stats;

import io.ledger.api.stats.PaymentStatsView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Reporting")
class StatsController {

    private final QueryGateway queries;
    private final Clock clock;

    StatsController(QueryGateway queries, ObjectProvider<Clock> clock) {
        this.queries = queries;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Operation(operationId = "getPaymentStats", summary = "Payment figures per currency", description = """
                    Counts and volumes per currency over UTC days `from` to `to` (both included; by default the 30 \
                    days up to today), with a series of every period of the range (zeros included) and a breakdown \
                    by provider. Amounts of different currencies are never added up. Every fact counts on the day \
                    the ledger recorded it: a payment created on Monday and refunded on Tuesday adds to Monday's \
                    `count` and Tuesday's `refundedVolume`. `successRate` is `succeeded / (succeeded + failed)` as a \
                    decimal string with four places, null when nothing was attempted.""")
    @Parameter(
            name = "from",
            in = ParameterIn.QUERY,
            description = "The first UTC day (ISO date). Default: 29 days before `to`.",
            schema = @Schema(type = "string", format = "date"))
    @Parameter(
            name = "to",
            in = ParameterIn.QUERY,
            description = "The last UTC day (ISO date), included. Default: today.",
            schema = @Schema(type = "string", format = "date"))
    @Parameter(
            name = "groupBy",
            in = ParameterIn.QUERY,
            description = "The periods of the series: days, ISO weeks (from Monday) or calendar months.",
            schema =
                    @Schema(
                            allowableValues = {"day", "week", "month"},
                            defaultValue = "day"))
    @ApiResponse(responseCode = "200", description = "The figures of every currency that saw a fact in the range.")
    @ApiResponse(responseCode = "400", description = """
                    `validation_failed`: a malformed date (instants are not accepted), `from` after `to`, an unknown \
                    `groupBy`, an unknown or repeated parameter, or a series of more than 1,000 periods.""")
    @GetMapping("/stats")
    PaymentStatsView stats(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        return queries.query(
                        StatsParameters.query(parameters, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)),
                        PaymentStatsView.class)
                .join();
    }
}
