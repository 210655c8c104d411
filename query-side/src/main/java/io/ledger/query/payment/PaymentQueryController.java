package io.ledger.query.payment;

import io.ledger.api.caller.Caller;
import io.ledger.api.payment.FindPaymentDisputesQuery;
import io.ledger.api.payment.FindPaymentQuery;
import io.ledger.api.payment.PaymentDisputes;
import io.ledger.api.payment.PaymentFilter;
import io.ledger.api.payment.PaymentPage;
import io.ledger.api.payment.PaymentView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Payment queries over HTTP, answered from the read model. A caller that may read only its own payments ({@code
 * payments:read:own}) has each query confined to them in SQL: another customer's payment is not found, lists, exports
 * and the feed hold none of them.
 */
@RestController
@RequestMapping("/api/payments")
@Tag(name = "Payment history")
class PaymentQueryController {

    private final QueryGateway queries;
    private final PaymentFeed feed;
    private final PaymentCsvExport export;

    PaymentQueryController(QueryGateway queries, PaymentFeed feed, PaymentCsvExport export) {
        this.queries = queries;
        this.feed = feed;
        this.export = export;
    }

    @Operation(operationId = "listPayments", summary = "List payments", description = """
                    Payments from the read model, newest first unless `sort` and `order` say otherwise, \
                    keyset-paginated: pass `nextCursor` as `cursor` for the next page (a cursor is bound to its sort \
                    and order). Filters combine with AND. Archived payments are left out unless `archived=true`. With \
                    `payments:read:own` the list holds only the caller's own payments (those whose `customerId` is \
                    the token's subject): a `customerId` of another customer finds none.""")
    @PaymentFilterParameters
    @Parameter(
            name = "sort",
            in = ParameterIn.QUERY,
            description = "What the list is ordered by.",
            schema =
                    @Schema(
                            allowableValues = {"createdAt", "amount"},
                            defaultValue = "createdAt"))
    @Parameter(
            name = "order",
            in = ParameterIn.QUERY,
            description = "Descending or ascending.",
            schema =
                    @Schema(
                            allowableValues = {"desc", "asc"},
                            defaultValue = "desc"))
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
    @ApiResponse(responseCode = "200", description = "One page of payments.")
    @ApiResponse(responseCode = "400", description = """
                    `validation_failed`: an unknown or repeated parameter, an unknown status, provider or currency, a \
                    malformed date, `createdFrom` after `createdTo`, `minAmount` above `maxAmount`, a `limit` outside \
                    1 to 100, or a cursor that is damaged or belongs to another sort; `errors` names the \
                    parameter.""")
    @GetMapping
    PaymentPage list(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            @Parameter(hidden = true) Caller caller) {
        return queries.query(PaymentListParameters.listQuery(parameters, onlyCustomer(caller)), PaymentPage.class)
                .join();
    }

    /** With {@code minVersion} (a command answer's {@code version}), waits briefly for the read model to catch up. */
    @Operation(operationId = "getPayment", summary = "Get a payment", description = """
                    The payment resource from the read model, which follows the commands within milliseconds. To \
                    read your own write, pass the `version` of a command's answer as `minVersion`: the query waits \
                    briefly (2 s by default) until the read model has caught up with it.""")
    @Parameter(
            name = "minVersion",
            in = ParameterIn.QUERY,
            description = "Wait until the read model holds at least this version of the payment.",
            schema = @Schema(type = "integer", format = "int64", minimum = "0"))
    @ApiResponse(responseCode = "200", description = "The payment.")
    @ApiResponse(
            responseCode = "400",
            description = "`validation_failed`: an unknown or repeated parameter, or a malformed `minVersion`.")
    @ApiResponse(responseCode = "404", description = """
                    `payment_not_found`: no payment has this id (with `payments:read:own`: none of the caller's \
                    own; another customer's payment is answered the same).""")
    @GetMapping("/{id}")
    PaymentView get(
            @PathVariable String id,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            @Parameter(hidden = true) Caller caller) {
        return queries.query(
                        new FindPaymentQuery(id, PaymentListParameters.minVersion(parameters), onlyCustomer(caller)),
                        ResponseTypes.optionalInstanceOf(PaymentView.class))
                .join()
                .orElseThrow(() -> new PaymentNotFound(id));
    }

    /** The payment's disputes (a resource of their own: the contract's payment resource has no field for them). */
    @Operation(operationId = "listPaymentDisputes", summary = "List a payment's disputes", description = """
                    The payment's disputes, oldest first, with what the provider withdrew when each opened and how it \
                    ended. Always one page: a charge is disputed at most once.""")
    @ApiResponse(responseCode = "200", description = "The payment's disputes.")
    @ApiResponse(responseCode = "404", description = """
                    `payment_not_found`: no payment has this id (with `payments:read:own`: none of the caller's \
                    own; another customer's payment is answered the same).""")
    @GetMapping("/{id}/disputes")
    PaymentDisputes disputes(@PathVariable String id, @Parameter(hidden = true) Caller caller) {
        return queries.query(
                        new FindPaymentDisputesQuery(id, onlyCustomer(caller)),
                        ResponseTypes.optionalInstanceOf(PaymentDisputes.class))
                .join()
                .orElseThrow(() -> new PaymentNotFound(id));
    }

    /** Server-sent events, one per change of any payment, for dashboards. */
    @Operation(operationId = "streamPaymentFeed", summary = "Follow payment changes", description = """
                    Server-sent events: a `:subscribed` comment, then one `payment` event per change of any payment \
                    (with `payments:read:own`, of the caller's own payments only), with the id \
                    `<paymentId>:<version>` and the data `{"paymentId", "event", "version", "occurredAt"}`, sent once \
                    the read model has committed the change. Archived payments are left out unless `archived=true`, \
                    from the change that archives them (`PaymentArchived`) on.""")
    @Parameter(
            name = "archived",
            in = ParameterIn.QUERY,
            description = "`true`: archived payments too (their archiving included).",
            schema = @Schema(type = "boolean", defaultValue = "false"))
    @ApiResponse(
            responseCode = "200",
            description = "An endless stream of `payment` events.",
            content =
                    @Content(
                            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema = @Schema(type = "string", description = "text/event-stream")))
    @ApiResponse(
            responseCode = "400",
            description =
                    "`validation_failed`: a parameter other than `archived`, or one that is not `true` or `false`.")
    @GetMapping(value = "/feed", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter feed(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            @Parameter(hidden = true) Caller caller) {
        return feed.subscribe(onlyCustomer(caller), PaymentListParameters.feedArchived(parameters));
    }

    /** Streams straight from the database rather than through the query bus, which answers whole messages. */
    @Operation(operationId = "exportPayments", summary = "Export payments as CSV", description = """
                    Every payment that matches the filters, newest first, as RFC 4180 CSV with a header row \
                    (`id,status,amount,currency,amount_refunded,customer_id,order_id,description,provider,\
                    provider_payment_id,failure_code,reconciliation_status,settlement_id,fee,net_amount,created_at,\
                    succeeded_at,updated_at,archived`), streamed in constant memory whatever the count. Archived \
                    payments are left out unless `archived=true`. With `payments:read:own`, only the caller's own \
                    payments.""")
    @PaymentFilterParameters
    @Parameter(
            name = "format",
            in = ParameterIn.QUERY,
            description = "The file format.",
            schema = @Schema(allowableValues = "csv", defaultValue = "csv"))
    @ApiResponse(
            responseCode = "200",
            description = "The payments as CSV, sent as the attachment `payments.csv`.",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = """
                    `validation_failed`: an unknown or repeated parameter, a filter value that does not parse, or a \
                    `format` other than `csv`; `errors` names the parameter.""")
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            @Parameter(hidden = true) Caller caller) {
        PaymentFilter filter = PaymentListParameters.exportFilter(parameters, onlyCustomer(caller));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"payments.csv\"")
                .body(out -> export.write(filter, out));
    }

    /** The customer whose payments alone the caller may read; null when it may read every payment. */
    private static String onlyCustomer(Caller caller) {
        return caller.readsOnlyCustomer().orElse(null);
    }
}
