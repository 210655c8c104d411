package io.ledger.command.checkout;

import io.ledger.api.caller.Caller;
import io.ledger.command.checkout.CheckoutRequests.CreateCheckoutSessionBody;
import io.ledger.command.payment.IdempotentIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/checkout/sessions}: a payment and the hosted page where its customer pays it. A caller that may create
 * only its own payments ({@code payments:write:own}) opens sessions only for itself; one that may read only its own
 * ({@code payments:read:own}) sees only its own.
 */
@RestController
@RequestMapping("/api/checkout/sessions")
@Tag(name = "Checkout")
class CheckoutController {

    private final Checkout checkout;

    CheckoutController(Checkout checkout) {
        this.checkout = checkout;
    }

    @Operation(operationId = "createCheckoutSession", summary = "Open a hosted checkout session", description = """
                    Creates a payment (as `POST /api/payments` would, without a payment method) and a hosted page \
                    where the customer pays it: Stripe Checkout in `payment` mode when Stripe is the provider (our \
                    payment id in the session's and its PaymentIntent's metadata; Stripe's \
                    `checkout.session.*` webhooks complete the payment), else a page of the ledger's own that takes \
                    Stripe's test card numbers (4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined, \
                    4000 0025 0000 3155 asks for authentication). Send the customer to `url`; afterwards they are \
                    sent to `successUrl` (paid) or `cancelUrl` (went back). The session expires 24 hours after it \
                    was opened (`LEDGER_CHECKOUT_EXPIRES_AFTER`); an expired session's payment is canceled. Send an \
                    `Idempotency-Key`: the payment's id is derived from it, so a retry opens no second session. With \
                    `payments:write:own` the session is the caller's own: `customerId` may be omitted and naming \
                    another customer is 403 `forbidden`, with nothing recorded.""")
    @ApiResponse(
            responseCode = "201",
            description = "The session, `open`, and its payment, `pending`.",
            headers =
                    @Header(
                            name = "Location",
                            description = "The session's address, `/api/checkout/sessions/{id}`.",
                            schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "400", description = """
                    `validation_failed`: a missing or malformed field, an unsupported currency, an amount the \
                    currency cannot express or below the provider's minimum, or a `successUrl` or `cancelUrl` that \
                    is not an absolute http or https URL.""")
    @ApiResponse(
            responseCode = "409",
            description = "`concurrent_update`: another request made the same payment at the same instant; retry.")
    @ApiResponse(responseCode = "415", description = "`validation_failed`: the body is not `application/json`.")
    @ApiResponse(responseCode = "503", description = """
                    `provider_unavailable`: the provider could not be reached; nothing was recorded. Retry after \
                    `Retry-After` seconds with the same `Idempotency-Key`.""")
    @PostMapping
    ResponseEntity<CheckoutSessionResource> create(
            @Valid @RequestBody CreateCheckoutSessionBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Principal principal,
            @Parameter(hidden = true) Caller caller) {
        CheckoutSessionResource session = checkout.open(
                IdempotentIds.checkoutPayment(principal, idempotencyKey),
                body.toOpen(caller.writesOnlyCustomer().orElse(null)),
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
        return ResponseEntity.created(URI.create("/api/checkout/sessions/" + session.id()))
                .body(session);
    }

    @Operation(operationId = "getCheckoutSession", summary = "Get a checkout session", description = """
                    The session as it stands: `open` until its payment is paid (`complete`, also while an \
                    asynchronous payment is processing) or its time is up (`expired`, its payment canceled). With \
                    `payments:read:own`, only the caller's own sessions are there.""")
    @ApiResponse(responseCode = "200", description = "The session.")
    @ApiResponse(responseCode = "404", description = """
                    `not_found`: no session has this id (with `payments:read:own`: none of the caller's own; another \
                    customer's session is answered the same).""")
    @GetMapping("/{id}")
    CheckoutSessionResource get(@PathVariable String id, @Parameter(hidden = true) Caller caller) {
        return checkout.find(id, caller.readsOnlyCustomer().orElse(null));
    }
}
