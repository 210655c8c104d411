package io.ledger.command.customer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledger.api.customer.AttachPaymentMethodCommand;
import io.ledger.api.customer.SaveCustomerCommand;
import io.ledger.api.problem.LedgerProblem;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The request bodies of the customer endpoints, each mapping itself to its command. Limits follow Stripe's. */
final class CustomerRequests {

    /** A payment method is named by its id, as in a payment's {@code paymentMethod}: never card details. */
    static final String PAYMENT_METHOD_ID = "[a-z]+_[A-Za-z0-9_]+";

    static final String NOT_A_PAYMENT_METHOD_ID =
            "must be a payment method id such as pm_card_visa; card details never go to the ledger";

    /** One @, something before it, and a dotted domain after it, without spaces: what Stripe takes as an email. */
    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    /** As long as a payment's {@code customerId} may be. */
    static final int MAX_CUSTOMER_ID = 255;

    private CustomerRequests() {}

    /** The customer's whole state, as a PUT states it: an omitted field is cleared. */
    record SaveCustomerBody(
            @Size(max = 512) @Pattern(regexp = EMAIL, message = "must be an email address")
            String email,

            @Size(max = 256) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
            String name) {

        SaveCustomerCommand toCommand(String customerId) {
            return new SaveCustomerCommand(customerId, email, name);
        }
    }

    record AttachPaymentMethodBody(
            @NotBlank @Size(max = 255) @Pattern(regexp = PAYMENT_METHOD_ID, message = NOT_A_PAYMENT_METHOD_ID)
            String paymentMethod,

            @JsonProperty("default") Boolean makeDefault) {

        AttachPaymentMethodCommand toCommand(String customerId) {
            return new AttachPaymentMethodCommand(customerId, paymentMethod, makeDefault);
        }
    }

    /** Whether a path's text can be a customer's id: not blank, at most 255 characters, no control characters. */
    static boolean validCustomerId(String customerId) {
        return customerId != null
                && !customerId.isBlank()
                && customerId.length() <= MAX_CUSTOMER_ID
                && customerId.chars().noneMatch(Character::isISOControl);
    }

    /** A customer id in a path that no customer can have, where a customer is made. */
    static final class InvalidCustomerId extends LedgerProblem {

        InvalidCustomerId() {
            super(
                    "customerId",
                    "must be 1 to " + MAX_CUSTOMER_ID + " characters, not blank, without control characters");
        }
    }
}
