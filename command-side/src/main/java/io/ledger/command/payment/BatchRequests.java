package io.ledger.command.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ledger.api.payment.CreatedPaymentView;
import io.ledger.api.problem.Problem;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The body and the answer of {@code POST /api/payments/batch}. */
final class BatchRequests {

    static final int MAX_ITEMS = 100;

    private BatchRequests() {}

    /**
     * The items stay JSON until the batch reads each on its own: an item with a wrong type or a bad field is that item's
     * problem, not the whole request's (unless the batch is atomic).
     */
    record BatchBody(
            @ArraySchema(
                    arraySchema = @Schema(description = "1 to 100 create bodies, in the order they are answered."),
                    schema = @Schema(implementation = BatchItemDescription.class))
            @NotNull
            @Size(min = 1, max = MAX_ITEMS, message = "must hold 1 to " + MAX_ITEMS + " payments")
            List<JsonNode> payments,

            @Schema(description = "All created or none; default false: each item on its own.")
            Boolean atomic) {}

    /** What an item looks like, for the API description only: a create body with its own optional key. */
    @Schema(name = "BatchItem", description = "The body of `POST /api/payments`, and an optional `idempotencyKey`.")
    record BatchItemDescription(
            long amount,
            String currency,
            String customerId,
            String orderId,
            String description,
            Map<String, String> metadata,
            String paymentMethod,
            Boolean confirm,

            @Schema(
                    description =
                            "This item's own key (1 to 255 characters): its payment's id is derived from it, as from "
                                    + "the `Idempotency-Key` of a single create, so a retried item never makes a second payment.")
            String idempotencyKey) {}

    /** One item's answer: its index in the request, its status, and the payment made or the problem it met. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BatchItemAnswer(int index, int status, CreatedPaymentView payment, Problem problem) {

        static BatchItemAnswer created(int index, CreatedPaymentView payment) {
            return new BatchItemAnswer(index, 201, payment, null);
        }

        static BatchItemAnswer refused(int index, Problem problem) {
            return new BatchItemAnswer(index, problem.status(), null, problem);
        }
    }

    record BatchAnswer(List<BatchItemAnswer> data) {}
}
