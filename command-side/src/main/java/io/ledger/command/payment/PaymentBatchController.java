package io.ledger.command.payment;

import io.ledger.api.caller.Caller;
import io.ledger.command.payment.BatchRequests.BatchAnswer;
import io.ledger.command.payment.BatchRequests.BatchBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Up to a hundred creates in one call. */
@RestController
@RequestMapping("/api/payments")
@Tag(name = "Payments")
class PaymentBatchController {

    private final BatchItems items;
    private final PaymentBatch batch;

    PaymentBatchController(BatchItems items, PaymentBatch batch) {
        this.items = items;
        this.batch = batch;
    }

    @Operation(operationId = "createPaymentBatch", summary = "Create up to 100 payments", description = """
                    Creates each item as `POST /api/payments` would (`confirm: true` charges it), in one transaction. \
                    The answer lists every item in request order: `status` 201 and its `payment`, or the `status` \
                    and `problem` a single create would have answered (fields named `payments[i].field`). Each item \
                    is on its own unless `atomic: true`: then all are created or none, and a failing item's problem \
                    is the answer. An item's `idempotencyKey` makes its payment's id, as a single create's \
                    Idempotency-Key does; the batch's own Idempotency-Key replays the whole answer and, for items \
                    without a key, makes the same payments when the batch is sent again.""")
    @ApiResponse(responseCode = "200", description = "Every item's answer, in request order.")
    @ApiResponse(responseCode = "400", description = """
                    `validation_failed`: `payments` missing, empty or over 100 items, or (atomic) an invalid item: \
                    `errors` name `payments[i].field`.""")
    @ApiResponse(responseCode = "409", description = """
                    Atomic only: the first failing item's conflict (`concurrent_update`); nothing was stored.""")
    @ApiResponse(responseCode = "415", description = "`validation_failed`: the body is not `application/json`.")
    @ApiResponse(responseCode = "503", description = """
                    `service_unavailable` or (atomic) `provider_unavailable`: nothing was stored; retry after \
                    `Retry-After` seconds with the same keys.""")
    @PostMapping("/batch")
    BatchAnswer create(
            @Valid @RequestBody BatchBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String batchKey,
            Principal principal,
            @Parameter(hidden = true) Caller caller,
            HttpServletRequest request) {
        String path = request.getRequestURI();
        String onlyCustomer = caller.writesOnlyCustomer().orElse(null);
        return new BatchAnswer(batch.run(
                items.read(body.payments(), principal, batchKey, onlyCustomer, path),
                Boolean.TRUE.equals(body.atomic()),
                path));
    }
}
