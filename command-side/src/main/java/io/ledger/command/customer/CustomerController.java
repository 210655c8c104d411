package io.ledger.command.customer;

import io.ledger.api.caller.Caller;
import io.ledger.api.customer.CustomerView;
import io.ledger.api.customer.DetachPaymentMethodCommand;
import io.ledger.api.customer.PaymentMethodPage;
import io.ledger.api.customer.PaymentMethodView;
import io.ledger.command.customer.CustomerRequests.AttachPaymentMethodBody;
import io.ledger.command.customer.CustomerRequests.InvalidCustomerId;
import io.ledger.command.customer.CustomerRequests.SaveCustomerBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customers and their saved payment methods over HTTP: each change is one command, and every answer (reads included)
 * is folded from the customer's events once the command has run ({@link CustomerResources}), so a client reads its
 * own writes at once. A caller with {@code customers:own} manages only the customer whose id is its token's subject:
 * any other is answered as if it did not exist (404), before anything is sent.
 */
@RestController
@RequestMapping("/api/customers/{customerId}")
@Tag(name = "Customers")
class CustomerController {

    private final CommandGateway commands;
    private final CustomerResources resources;

    CustomerController(CommandGateway commands, CustomerResources resources) {
        this.commands = commands;
        this.resources = resources;
    }

    @Operation(operationId = "saveCustomer", summary = "Create or update a customer", description = """
                    Gives the customer with this id (the shop's own id, as payments name it in `customerId`) its \
                    `email` and `name`: made at the first call, with a customer of its own at the provider (a Stripe \
                    Customer with `metadata[customerId]`), updated at later ones. A field left out is cleared, as a \
                    PUT replaces; a call that changes nothing records nothing. With `customers:own` the customer is \
                    the caller's own: its id is the token's subject.""")
    @ApiResponse(responseCode = "200", description = "The customer as it stands now.")
    @ApiResponse(responseCode = "400", description = """
                    `validation_failed`: an email that is not one or over 512 characters, a blank name or one over 256 \
                    characters, an unknown field, or a customer id over 255 characters.""")
    @ApiResponse(responseCode = "404", description = """
                    `not_found`: with `customers:own`, a customer other than the caller.""")
    @ApiResponse(responseCode = "409", description = """
                    `concurrent_update`: another request changed the customer at the same instant; retry.""")
    @ApiResponse(responseCode = "415", description = "`validation_failed`: the body is not `application/json`.")
    @ApiResponse(responseCode = "503", description = """
                    `provider_unavailable`: the provider could not be reached; nothing was recorded. Retry after \
                    `Retry-After` seconds.""")
    @PutMapping
    CustomerView save(
            @PathVariable String customerId,
            @Valid @RequestBody SaveCustomerBody body,
            @Parameter(hidden = true) Caller caller) {
        visibleTo(caller, customerId);
        if (!CustomerRequests.validCustomerId(customerId)) {
            throw new InvalidCustomerId();
        }
        commands.sendAndWait(body.toCommand(customerId));
        return resources.customer(customerId);
    }

    @Operation(operationId = "getCustomer", summary = "Get a customer", description = """
                    The customer: its details, its default payment method and the provider's customer.""")
    @ApiResponse(responseCode = "200", description = "The customer.")
    @ApiResponse(responseCode = "404", description = """
                    `not_found`: no customer has this id (with `customers:own`: another customer is answered the \
                    same).""")
    @GetMapping
    CustomerView get(@PathVariable String customerId, @Parameter(hidden = true) Caller caller) {
        return resources.customer(known(caller, customerId));
    }

    @Operation(operationId = "savePaymentMethod", summary = "Save a payment method", description = """
                    Attaches `paymentMethod` (a Stripe `pm_...`, or a simulated test method such as `pm_card_visa`, \
                    `pm_card_mastercard`, `pm_card_amex` or `pm_card_expired`) to the customer at the provider and \
                    saves it with its card's brand, last four digits and expiry. `default: true` makes it the \
                    customer's default, which a payment confirmed without a method is charged with; left out, it \
                    becomes the default when the customer has none yet.""")
    @ApiResponse(responseCode = "201", description = "The saved method.")
    @ApiResponse(responseCode = "400", description = """
                    `validation_failed`: `paymentMethod` missing, not a payment method id, or one the provider does \
                    not know; `default` not a boolean; an unknown field.""")
    @ApiResponse(responseCode = "404", description = """
                    `not_found`: no customer has this id (with `customers:own`: another customer is answered the \
                    same); save the customer first.""")
    @ApiResponse(responseCode = "409", description = """
                    `concurrent_update`: another request changed the customer at the same instant; retry.""")
    @ApiResponse(responseCode = "415", description = "`validation_failed`: the body is not `application/json`.")
    @ApiResponse(responseCode = "503", description = """
                    `provider_unavailable`: the provider could not be reached; nothing was recorded. Retry after \
                    `Retry-After` seconds with the same `Idempotency-Key`.""")
    @PostMapping("/payment-methods")
    @ResponseStatus(HttpStatus.CREATED)
    PaymentMethodView attach(
            @PathVariable String customerId,
            @Valid @RequestBody AttachPaymentMethodBody body,
            @Parameter(hidden = true) Caller caller) {
        String id = known(caller, customerId);
        String saved = commands.sendAndWait(body.toCommand(id));
        return resources.method(id, saved);
    }

    @Operation(
            operationId = "listPaymentMethods",
            summary = "List a customer's saved payment methods",
            description = """
                    The methods saved for the customer, the default first, then the newest first; a card whose \
                    expiry month is over says `expired: true`. Always one page.""")
    @ApiResponse(responseCode = "200", description = "The saved methods.")
    @ApiResponse(responseCode = "404", description = """
                    `not_found`: no customer has this id (with `customers:own`: another customer is answered the \
                    same).""")
    @GetMapping("/payment-methods")
    PaymentMethodPage list(@PathVariable String customerId, @Parameter(hidden = true) Caller caller) {
        return resources.methods(known(caller, customerId));
    }

    @Operation(operationId = "deletePaymentMethod", summary = "Delete a saved payment method", description = """
                    Detaches the method from the customer at the provider; when it was the default, the customer has \
                    no default afterwards. Deleting it again changes nothing and answers the same.""")
    @ApiResponse(responseCode = "200", description = "The detached method.")
    @ApiResponse(responseCode = "404", description = """
                    `not_found`: no customer has this id (with `customers:own`: another customer is answered the \
                    same), or no method with this id was ever saved for it.""")
    @ApiResponse(responseCode = "409", description = """
                    `concurrent_update`: another request changed the customer at the same instant; retry.""")
    @ApiResponse(responseCode = "503", description = """
                    `provider_unavailable`: the provider could not be reached; nothing was recorded. Retry after \
                    `Retry-After` seconds.""")
    @DeleteMapping("/payment-methods/{paymentMethodId}")
    PaymentMethodView detach(
            @PathVariable String customerId,
            @PathVariable String paymentMethodId,
            @Parameter(hidden = true) Caller caller) {
        String id = known(caller, customerId);
        commands.sendAndWait(new DetachPaymentMethodCommand(id, paymentMethodId));
        return resources.method(id, paymentMethodId);
    }

    /** A caller confined to its own customer is told that another does not exist. */
    private static void visibleTo(Caller caller, String customerId) {
        caller.managesOnlyCustomer().filter(own -> !own.equals(customerId)).ifPresent(own -> {
            throw new CustomerNotFound(customerId);
        });
    }

    /** The id of a customer that may exist for this caller; any other is not found. */
    private static String known(Caller caller, String customerId) {
        visibleTo(caller, customerId);
        if (!CustomerRequests.validCustomerId(customerId)) {
            throw new CustomerNotFound(customerId);
        }
        return customerId;
    }
}
