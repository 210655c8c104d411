package io.ledger.command.payment;

import io.ledger.api.caller.Caller;
import io.ledger.api.id.PaymentId;
import io.ledger.api.payment.ArchivePaymentCommand;
import io.ledger.api.payment.CreatedPaymentView;
import io.ledger.api.payment.PaymentCommand;
import io.ledger.api.payment.PaymentView;
import io.ledger.api.payment.RefundPaymentCommand;
import io.ledger.api.payment.RefundView;
import io.ledger.command.payment.PaymentRequests.CancelPaymentBody;
import io.ledger.command.payment.PaymentRequests.ConfirmPaymentBody;
import io.ledger.command.payment.PaymentRequests.CreatePaymentBody;
import io.ledger.command.payment.PaymentRequests.FailPaymentBody;
import io.ledger.command.payment.PaymentRequests.ReconcilePaymentBody;
import io.ledger.command.payment.PaymentRequests.RefundPaymentBody;
import io.ledger.command.payment.PaymentRequests.UpdatePaymentBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The command side's HTTP API: each call becomes one command, and is answered with the resource as the payment's
 * events tell it once the command has run. The OpenAPI annotations say what is particular to each call; ledger-app
 * adds what every call shares (headers, scopes, the problems any call can answer). A caller that may change only its
 * own payments ({@code payments:write:own}) sends its commands confined to them: the command side decides.
 */
@RestController
@RequestMapping("/api/payments")
@Tag(name = "Payments")
class PaymentController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CommandGateway commands;
    private final PaymentResources resources;
    private final CommandEvents events;

    PaymentController(CommandGateway commands, PaymentResources resources, CommandEvents events) {
        this.commands = commands;
        this.resources = resources;
        this.events = events;
    }

    @Operation(operationId = "createPayment", summary = "Create a payment", description = """
                    Creates a payment at its provider (the simulated one unless a Stripe key is configured) and, with \
                    `confirm: true` and a `paymentMethod`, charges it at once. `clientSecret`, which a browser needs \
                    to finish the payment, appears in this answer only. A declined payment method is not an error: the \
                    answer is 201 with `status: failed` and `failure`. Send an `Idempotency-Key`: the payment's id is \
                    derived from it, so a retry after a timeout or a crash never makes a second payment. With \
                    `payments:write:own` the payment is the caller's own: `customerId` may be omitted (it is the \
                    token's subject) and naming another customer is 403 `forbidden`, with nothing recorded.""")
    @ApiResponse(
            responseCode = "201",
            description = "The payment was created (and charged, with `confirm`).",
            headers =
                    @Header(
                            name = "Location",
                            description = "The payment's address, `/api/payments/{id}`.",
                            schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "400", description = """
                    `validation_failed`: a missing or malformed field, an unsupported currency, an amount the \
                    currency cannot express or below the provider's minimum, more than 50 metadata keys, an unknown \
                    payment method, or `confirm` without a payment method.""")
    @ApiResponse(
            responseCode = "409",
            description = "`concurrent_update`: another request made the same payment at the same instant; retry.")
    @ApiResponse(responseCode = "415", description = "`validation_failed`: the body is not `application/json`.")
    @ApiResponse(responseCode = "503", description = """
                    `provider_unavailable`: the provider could not be reached, or the ledger is making as many \
                    provider calls at once as it allows (a slow provider); nothing was recorded. Retry after \
                    `Retry-After` seconds with the same `Idempotency-Key`.""")
    @PostMapping
    ResponseEntity<CreatedPaymentView> create(
            @Valid @RequestBody CreatePaymentBody body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            Principal principal,
            @Parameter(hidden = true) Caller caller) {
        CommandEvents.Recorded<NewPayment> created = events.record(() -> commands.sendAndWait(
                body.toCommand(IdempotentIds.payment(principal, idempotencyKey), onlyCustomer(caller))));
        return ResponseEntity.created(URI.create(
                        "/api/payments/" + created.answer().paymentId().value()))
                .body(resources.created(created));
    }

    @Operation(operationId = "confirmPayment", summary = "Confirm a payment", description = """
                    Charges the payment with `paymentMethod` (or the one given at creation). The answer says how it \
                    went: `succeeded`, `failed` with `failure` (a decline is not an error of the request), \
                    `requires_action` (3-D Secure: confirm again once the customer has acted) or `processing` (the \
                    provider answers later; also when it could not be reached). A failed payment can be confirmed \
                    again with another method; confirming a succeeded payment changes nothing.""")
    @ApiResponse(responseCode = "200", description = "The payment after the attempt.")
    @ApiResponse(
            responseCode = "400",
            description = "`validation_failed`: no payment method to charge, or one the provider does not know.")
    @ApiResponse(responseCode = "404", description = """
                    `payment_not_found`: no payment has this id (with `payments:write:own`: none of the caller's \
                    own; another customer's payment is answered the same).""")
    @ApiResponse(responseCode = "409", description = """
                    `invalid_state_transition`: the payment is canceled. `concurrent_update`: another request \
                    changed the payment at the same instant; retry.""")
    @ApiResponse(responseCode = "415", description = "`validation_failed`: the body is not `application/json`.")
    @ApiResponse(responseCode = "503", description = """
                    `provider_unavailable`: the ledger is making as many provider calls at once as it allows (a slow \
                    provider); nothing was sent or recorded. Retry after `Retry-After` seconds.""")
    @PostMapping("/{id}/confirm")
    PaymentView confirm(
            @PathVariable String id,
            @Valid @RequestBody(required = false) ConfirmPaymentBody body,
            @Parameter(hidden = true) Caller caller) {
        ConfirmPaymentBody confirm = body == null ? new ConfirmPaymentBody(null) : body;
        return answered(confirm.toCommand(paymentId(id), onlyCustomer(caller)));
    }

    @Operation(operationId = "failPayment", summary = "Record a failed attempt", description = """
                    Records that the payment's current attempt failed, with a decline `code` and a `message` safe to \
                    show to the customer. A failed payment can be confirmed again with another method.""")
    @ApiResponse(responseCode = "200", description = "The payment, now `failed`.")
    @ApiResponse(responseCode = "400", description = "`validation_failed`: `code` or `message` missing or too long.")
    @ApiResponse(responseCode = "404", description = "`payment_not_found`: no payment has this id.")
    @ApiResponse(responseCode = "409", description = """
                    `invalid_state_transition`: the payment cannot fail from its status (a succeeded payment never \
                    goes back to failed). `concurrent_update`: another request changed the payment at the same \
                    instant; retry.""")
    @ApiResponse(responseCode = "415", description = "`validation_failed`: the body is not `application/json`.")
    @PostMapping("/{id}/fail")
    PaymentView fail(@PathVariable String id, @Valid @RequestBody FailPaymentBody body) {
        return answered(body.toCommand(paymentId(id)));
    }

    @Operation(operationId = "cancelPayment", summary = "Cancel a payment", description = """
                    Cancels a payment before any money was captured (`pending`, `requires_action` or `failed`), with \
                    an optional `reason`. `canceled` is final; canceling twice changes nothing.""")
    @ApiResponse(responseCode = "200", description = "The payment, now `canceled`.")
    @ApiResponse(responseCode = "400", description = "`validation_failed`: `reason` too long or the body malformed.")
    @ApiResponse(responseCode = "404", description = """
                    `payment_not_found`: no payment has this id (with `payments:write:own`: none of the caller's \
                    own; another customer's payment is answered the same).""")
    @ApiResponse(responseCode = "409", description = """
                    `invalid_state_transition`: money was captured (refund it instead) or the payment is processing. \
                    `concurrent_update`: another request changed the payment at the same instant; retry.""")
    @ApiResponse(responseCode = "415", description = "`validation_failed`: the body is not `application/json`.")
    @ApiResponse(responseCode = "503", description = """
                    `provider_unavailable`: the provider could not be reached; nothing was recorded. Retry after \
                    `Retry-After` seconds.""")
    @PostMapping("/{id}/cancel")
    PaymentView cancel(
            @PathVariable String id,
            @Valid @RequestBody(required = false) CancelPaymentBody body,
            @Parameter(hidden = true) Caller caller) {
        CancelPaymentBody cancel = body == null ? new CancelPaymentBody(null) : body;
        return answered(cancel.toCommand(paymentId(id), onlyCustomer(caller)));
    }

    @Operation(operationId = "refundPayment", summary = "Refund a payment", description = """
                    Pays back `amount` (default: all that remains) of a captured payment. The refund is `succeeded` \
                    at once with the simulated provider; with Stripe it may be `pending` and settle later. Send an \
                    `Idempotency-Key`: the refund's id is derived from it, so a retry never refunds twice.""")
    @ApiResponse(responseCode = "201", description = "The refund.")
    @ApiResponse(responseCode = "400", description = "`validation_failed`: a malformed amount, currency or reason.")
    @ApiResponse(responseCode = "404", description = "`payment_not_found`: no payment has this id.")
    @ApiResponse(responseCode = "409", description = """
                    `invalid_state_transition`: nothing was captured, or the payment is already refunded. \
                    `refund_exceeds_available`: more than captured minus refunded (pending refunds included). \
                    `currency_mismatch`: `currency` is not the payment's. `concurrent_update`: another request \
                    changed the payment at the same instant; retry.""")
    @ApiResponse(responseCode = "415", description = "`validation_failed`: the body is not `application/json`.")
    @ApiResponse(responseCode = "503", description = """
                    `provider_unavailable`: the ledger is making as many provider calls at once as it allows (a slow \
                    provider); nothing was sent or recorded. Retry after `Retry-After` seconds with the same \
                    `Idempotency-Key`.""")
    @PostMapping("/{id}/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    RefundView refund(
            @PathVariable String id,
            @Valid @RequestBody(required = false) RefundPaymentBody body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            Principal caller) {
        RefundPaymentBody refund = body == null ? new RefundPaymentBody(null, null, null) : body;
        PaymentId paymentId = paymentId(id);
        RefundPaymentCommand command =
                refund.toCommand(paymentId, IdempotentIds.refund(caller, idempotencyKey, paymentId));
        commands.sendAndWait(command);
        return resources.refund(paymentId, command.refundId());
    }

    @Operation(operationId = "reconcilePayment", summary = "Record a settlement", description = """
                    Records the provider's settlement of a captured payment: `grossAmount` = `fee` + `netAmount`. \
                    A gross equal to the captured amount reconciles the payment (`matched`); any other is kept as \
                    `mismatched`, and a corrected settlement may follow it. The same settlement twice changes \
                    nothing.""")
    @ApiResponse(responseCode = "200", description = "The payment with its `reconciliation`.")
    @ApiResponse(responseCode = "400", description = """
                    `validation_failed`: a missing field, `grossAmount` other than `fee` + `netAmount`, or \
                    `settledAt` outside the years 1 to 9999.""")
    @ApiResponse(responseCode = "404", description = "`payment_not_found`: no payment has this id.")
    @ApiResponse(responseCode = "409", description = """
                    `invalid_state_transition`: no money was captured, or a matched settlement was recorded \
                    already. `currency_mismatch`: `currency` is not the \
                    payment's. `concurrent_update`: another request changed the payment at the same instant; \
                    retry.""")
    @ApiResponse(responseCode = "415", description = "`validation_failed`: the body is not `application/json`.")
    @PostMapping("/{id}/reconcile")
    PaymentView reconcile(@PathVariable String id, @Valid @RequestBody ReconcilePaymentBody body) {
        return answered(body.toCommand(paymentId(id)));
    }

    @Operation(operationId = "updatePayment", summary = "Update a payment", description = """
                    Changes what the payment says about itself, as Stripe updates a PaymentIntent: `description`, \
                    `orderId` and `metadata` in any status (until it is archived), and `amount` while it is \
                    `pending` (sent to the provider first: with Stripe, a PaymentIntent update). Absent or null \
                    fields stay as they are; `""` clears `description` or `orderId`; `metadata` is merged into the \
                    payment's, a key set to `""` being removed, and at most 50 keys may remain. `PaymentUpdated` \
                    records each changed field from its old value to its new one; a patch that changes nothing (an \
                    empty one, or a repeat) answers the payment and records nothing, in any status. Idempotent by \
                    itself: `Idempotency-Key` is not needed and not read.""")
    @ApiResponse(responseCode = "200", description = "The payment, as updated.")
    @ApiResponse(responseCode = "400", description = """
                    `validation_failed`: a field other than `amount`, `description`, `orderId` and `metadata` (the \
                    currency, the customer and the status never change), a wrong type, an amount the currency \
                    cannot charge, a text over its limit, or more than 50 metadata keys after the merge; `errors` \
                    names the field.""")
    @ApiResponse(responseCode = "404", description = "`payment_not_found`: no payment has this id.")
    @ApiResponse(responseCode = "409", description = """
                    `invalid_state_transition`: a new `amount` for a payment that is not `pending` (or whose \
                    PaymentIntent Stripe no longer lets change), or any change of an archived payment. \
                    `concurrent_update`: another request changed the payment at the same instant; retry.""")
    @ApiResponse(responseCode = "415", description = "`validation_failed`: the body is not `application/json`.")
    @ApiResponse(responseCode = "503", description = """
                    `provider_unavailable`: a new amount could not be told to the provider (unreachable, or as many \
                    provider calls under way as the ledger allows); nothing was recorded. Retry after `Retry-After` \
                    seconds.""")
    @PatchMapping("/{id}")
    PaymentView update(@PathVariable String id, @Valid @RequestBody(required = false) UpdatePaymentBody body) {
        UpdatePaymentBody update = body == null ? UpdatePaymentBody.NOTHING : body;
        return answered(update.toCommand(paymentId(id)));
    }

    @Operation(operationId = "archivePayment", summary = "Archive a payment", description = """
                    Nothing is ever erased: a payment that can still be canceled (`pending`, `requires_action`, \
                    `failed`) is canceled, at the provider too, and archived; a `canceled` one is archived. Archived \
                    payments (`archived: true`) leave the list, the export and the live feed unless they ask for \
                    `archived=true`, and stay readable by id and in the audit log. Archiving an archived payment \
                    changes nothing.""")
    @ApiResponse(responseCode = "200", description = "The payment, now `canceled` and `archived`.")
    @ApiResponse(responseCode = "404", description = "`payment_not_found`: no payment has this id.")
    @ApiResponse(responseCode = "409", description = """
                    `invalid_state_transition`: money was captured (refund it instead) or the payment is processing. \
                    `concurrent_update`: another request changed the payment at the same instant; retry.""")
    @ApiResponse(responseCode = "503", description = """
                    `provider_unavailable`: the provider could not be reached to cancel the payment; nothing was \
                    recorded. Retry after `Retry-After` seconds.""")
    @DeleteMapping("/{id}")
    PaymentView archive(@PathVariable String id) {
        return answered(new ArchivePaymentCommand(paymentId(id)));
    }

    private PaymentView answered(PaymentCommand command) {
        commands.sendAndWait(command);
        return resources.payment(command.paymentId());
    }

    /** The customer whose payments alone the caller may create, confirm or cancel; null when it may any. */
    private static String onlyCustomer(Caller caller) {
        return caller.writesOnlyCustomer().orElse(null);
    }

    /** An id that cannot be a payment's names no payment. */
    private static PaymentId paymentId(String id) {
        if (!PaymentId.isValid(id)) {
            throw new PaymentNotFound(id);
        }
        return PaymentId.of(id);
    }
}
