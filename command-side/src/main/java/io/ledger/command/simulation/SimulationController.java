package io.ledger.command.simulation;

import io.ledger.api.payment.PaymentView;
import io.ledger.command.provider.StripeKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/payments/{id}/simulate}: only with the simulated provider and unless {@code ledger.simulate.enabled}
 * ({@code LEDGER_SIMULATE_ENABLED}) is false; otherwise the route does not exist (404 {@code not_found}, as any unknown
 * path). The Idempotency-Key is honoured by the idempotency filter, as on every POST.
 */
@RestController
@RequestMapping("/api/payments")
@Tag(name = "Payments")
@Conditional(StripeKey.Missing.class)
@ConditionalOnProperty(prefix = SimulationSettings.PREFIX, name = "enabled", matchIfMissing = true)
class SimulationController {

    private final Simulation simulation;

    SimulationController(Simulation simulation) {
        this.simulation = simulation;
    }

    @Operation(operationId = "simulatePayment", summary = "Simulate the provider's report", description = """
                    Makes the simulated provider report an `outcome` for the payment, as Stripe's webhooks would: \
                    `succeed`, `fail` (declined: `card_declined`), `require_action` (3-D Secure), `process` (it \
                    stays `processing` until a `succeed` or `fail`), `settle` (the whole captured amount settled \
                    less a fee of 2.9% + 0.30, matched), `dispute` (what was not refunded is disputed, with a 15.00 \
                    dispute fee), `win_dispute` (amount and fee given back), `lose_dispute`. The events are \
                    recorded with `source: simulation` and the caller as `actor`, so that an auditor always tells \
                    them apart. A payment has one settlement and one dispute of the simulated provider: a repeated \
                    outcome changes nothing and answers the payment as it stands. For development and tests only: \
                    there with the simulated provider, unless `LEDGER_SIMULATE_ENABLED=false`.""")
    @ApiResponse(responseCode = "200", description = "The payment after the provider's report.")
    @ApiResponse(responseCode = "400", description = """
                    `validation_failed`: `outcome` missing or not one of the outcomes, or the body malformed.""")
    @ApiResponse(responseCode = "404", description = """
                    `payment_not_found`: no payment has this id. `not_found`: the payment is not the simulated \
                    provider's; the call itself is not there with Stripe as the provider or with \
                    `LEDGER_SIMULATE_ENABLED=false`.""")
    @ApiResponse(responseCode = "409", description = """
                    `invalid_state_transition`: the provider cannot report this outcome for the payment as it \
                    stands (a failure, processing or required action after money was captured or the payment was \
                    canceled; a success of a canceled payment; a settlement or dispute of a payment that captured \
                    nothing, or after a matched settlement; a dispute decided before it was opened, or the other way \
                    than it was). `concurrent_update`: another request changed the payment at the same instant; \
                    retry.""")
    @ApiResponse(responseCode = "415", description = "`validation_failed`: the body is not `application/json`.")
    @PostMapping("/{id}/simulate")
    PaymentView simulate(
            @PathVariable String id,
            // Required, as the description says; taken when missing so that the refusal names the field.
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true) @Valid @RequestBody(required = false)
                    SimulatePaymentBody body) {
        if (body == null) {
            throw new OutcomeMissing();
        }
        return simulation.simulate(id, Outcome.of(body.outcome()));
    }

    record SimulatePaymentBody(
            @Schema(
                    description = "What the simulated provider reports.",
                    allowableValues = {
                        "succeed",
                        "fail",
                        "require_action",
                        "process",
                        "settle",
                        "dispute",
                        "win_dispute",
                        "lose_dispute"
                    })
            @NotNull
            @Pattern(regexp = Outcome.WIRE_PATTERN, message = "must be one of " + Outcome.WIRE_LIST)
            String outcome) {}
}
