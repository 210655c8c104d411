package io.ledger.query.payment;

import io.ledger.api.payment.FindPaymentDisputesQuery;
import io.ledger.api.payment.FindPaymentQuery;
import io.ledger.api.payment.PaymentDisputes;
import io.ledger.api.payment.PaymentFilter;
import io.ledger.api.payment.PaymentPage;
import io.ledger.api.payment.PaymentView;
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

/** Payment queries over HTTP, answered from the read model. */
@RestController
@RequestMapping("/api/payments")
class PaymentQueryController {

    private final QueryGateway queries;
    private final PaymentFeed feed;
    private final PaymentCsvExport export;

    PaymentQueryController(QueryGateway queries, PaymentFeed feed, PaymentCsvExport export) {
        this.queries = queries;
        this.feed = feed;
        this.export = export;
    }

    @GetMapping
    PaymentPage list(@RequestParam MultiValueMap<String, String> parameters) {
        return queries.query(PaymentListParameters.listQuery(parameters), PaymentPage.class)
                .join();
    }

    /** With {@code minVersion} (a command answer's {@code version}), waits briefly for the read model to catch up. */
    @GetMapping("/{id}")
    PaymentView get(@PathVariable String id, @RequestParam MultiValueMap<String, String> parameters) {
        return queries.query(
                        new FindPaymentQuery(id, PaymentListParameters.minVersion(parameters)),
                        ResponseTypes.optionalInstanceOf(PaymentView.class))
                .join()
                .orElseThrow(() -> new PaymentNotFound(id));
    }

    /** The payment's disputes (a resource of their own: the contract's payment resource has no field for them). */
    @GetMapping("/{id}/disputes")
    PaymentDisputes disputes(@PathVariable String id) {
        return queries.query(new FindPaymentDisputesQuery(id), ResponseTypes.optionalInstanceOf(PaymentDisputes.class))
                .join()
                .orElseThrow(() -> new PaymentNotFound(id));
    }

    /** Server-sent events, one per change of any payment, for dashboards. */
    @GetMapping(value = "/feed", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter feed() {
        return feed.subscribe();
    }

    /** Streams straight from the database rather than through the query bus, which answers whole messages. */
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam MultiValueMap<String, String> parameters) {
        PaymentFilter filter = PaymentListParameters.exportFilter(parameters);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"payments.csv\"")
                .body(out -> export.write(filter, out));
    }
}
