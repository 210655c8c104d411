package io.ledger.command.payment;

import io.ledger.api.id.PaymentId;
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
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The command side's HTTP API: each call becomes one command, and is answered with the resource as the payment's
 * events tell it once the command has run.
 */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CommandGateway commands;
    private final PaymentResources resources;

    PaymentController(CommandGateway commands, PaymentResources resources) {
        this.commands = commands;
        this.resources = resources;
    }

    @PostMapping
    ResponseEntity<CreatedPaymentView> create(
            @Valid @RequestBody CreatePaymentBody body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            Principal caller) {
        NewPayment created = commands.sendAndWait(body.toCommand(IdempotentIds.payment(caller, idempotencyKey)));
        return ResponseEntity.created(
                        URI.create("/api/payments/" + created.paymentId().value()))
                .body(resources.created(created));
    }

    @PostMapping("/{id}/confirm")
    PaymentView confirm(@PathVariable String id, @Valid @RequestBody(required = false) ConfirmPaymentBody body) {
        ConfirmPaymentBody confirm = body == null ? new ConfirmPaymentBody(null) : body;
        return answered(confirm.toCommand(paymentId(id)));
    }

    @PostMapping("/{id}/fail")
    PaymentView fail(@PathVariable String id, @Valid @RequestBody FailPaymentBody body) {
        return answered(body.toCommand(paymentId(id)));
    }

    @PostMapping("/{id}/cancel")
    PaymentView cancel(@PathVariable String id, @Valid @RequestBody(required = false) CancelPaymentBody body) {
        CancelPaymentBody cancel = body == null ? new CancelPaymentBody(null) : body;
        return answered(cancel.toCommand(paymentId(id)));
    }

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

    @PostMapping("/{id}/reconcile")
    PaymentView reconcile(@PathVariable String id, @Valid @RequestBody ReconcilePaymentBody body) {
        return answered(body.toCommand(paymentId(id)));
    }

    private PaymentView answered(PaymentCommand command) {
        commands.sendAndWait(command);
        return resources.payment(command.paymentId());
    }

    /** An id that cannot be a payment's names no payment. */
    private static PaymentId paymentId(String id) {
        if (!PaymentId.isValid(id)) {
            throw new PaymentNotFound(id);
        }
        return PaymentId.of(id);
    }
}
