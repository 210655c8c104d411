package io.ledger.command.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.CurrencyRules;
import io.ledger.api.money.Money;
import io.ledger.api.payment.CancelPaymentCommand;
import io.ledger.api.payment.ConfirmPaymentCommand;
import io.ledger.api.payment.CreatePaymentCommand;
import io.ledger.api.payment.FailPaymentCommand;
import io.ledger.api.payment.ReconcilePaymentCommand;
import io.ledger.api.payment.RefundPaymentCommand;
import io.ledger.api.payment.UpdatePaymentCommand;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Map;

/** The request bodies of the payment endpoints, each mapping itself to its command. Limits follow Stripe's. */
final class PaymentRequests {

    /**
     * A payment method is named by its id (Stripe's {@code pm_...}, or a simulated test method such as
     * {@code pm_card_visa}): card details sent in its place are refused without being quoted, stored or passed on.
     */
    static final String PAYMENT_METHOD_ID = "[a-z]+_[A-Za-z0-9_]+";

    static final String NOT_A_PAYMENT_METHOD_ID =
            "must be a payment method id such as pm_card_visa; card details never go to the ledger";

    private PaymentRequests() {}

    record CreatePaymentBody(
            @NotNull @Positive @Max(CurrencyRules.MAX_AMOUNT)
            Long amount,

            @NotBlank String currency,

            // Omitted only by a caller with payments:write:own, whose own it then is (checked when mapped). Given, it
            // is not blank: a pattern that reads so in Java and in the OpenAPI description's ECMA regular expressions.
            @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") @Size(max = 255)
            String customerId,

            @Size(max = 255) String orderId,
            @Size(max = 1000) String description,

            @Size(max = 50, message = "must have at most 50 keys")
            Map<@NotBlank @Size(max = 40) String, @NotNull @Size(max = 500) String> metadata,

            @Size(max = 255) @Pattern(regexp = PAYMENT_METHOD_ID, message = NOT_A_PAYMENT_METHOD_ID)
            String paymentMethod,

            Boolean confirm) {

        /**
         * The command for a caller confined to {@code onlyCustomer}'s payments (null: any customer's), for whom an
         * omitted customer is that one.
         */
        CreatePaymentCommand toCommand(PaymentId paymentId, String onlyCustomer) {
            Money money = Money.of(amount, currency);
            CurrencyRules.checkChargeAmount(money);
            String customer = customerId != null ? customerId : onlyCustomer;
            if (customer == null) {
                throw new CustomerIdRequired();
            }
            return new CreatePaymentCommand(
                    paymentId,
                    money,
                    customer,
                    orderId,
                    description,
                    metadata,
                    paymentMethod,
                    Boolean.TRUE.equals(confirm),
                    onlyCustomer);
        }
    }

    record ConfirmPaymentBody(
            @Size(max = 255) @Pattern(regexp = PAYMENT_METHOD_ID, message = NOT_A_PAYMENT_METHOD_ID)
            String paymentMethod) {

        ConfirmPaymentCommand toCommand(PaymentId paymentId, String onlyCustomer) {
            return new ConfirmPaymentCommand(paymentId, paymentMethod, onlyCustomer);
        }
    }

    record FailPaymentBody(
            @NotBlank @Size(max = 255) String code,
            @NotBlank @Size(max = 1000) String message) {

        FailPaymentCommand toCommand(PaymentId paymentId) {
            return new FailPaymentCommand(paymentId, code, message);
        }
    }

    record CancelPaymentBody(@Size(max = 500) String reason) {

        CancelPaymentCommand toCommand(PaymentId paymentId, String onlyCustomer) {
            return new CancelPaymentCommand(paymentId, reason, onlyCustomer);
        }
    }

    /**
     * A change of what the payment says about itself, with the limits of a create. Absent (or null) fields stay as they
     * are; {@code ""} clears the description or order id and removes a metadata key. The patch may name at most 100
     * keys (all 50 removed and 50 new ones set); the payment keeps at most 50 after the merge.
     */
    record UpdatePaymentBody(
            @Positive @Max(CurrencyRules.MAX_AMOUNT) Long amount,
            @Size(max = 1000) String description,
            @Size(max = 255) String orderId,

            @Size(max = 100, message = "must have at most 100 keys")
            Map<@NotBlank @Size(max = 40) String, @NotNull @Size(max = 500) String> metadata) {

        static final UpdatePaymentBody NOTHING = new UpdatePaymentBody(null, null, null, null);

        UpdatePaymentCommand toCommand(PaymentId paymentId) {
            return new UpdatePaymentCommand(paymentId, amount, description, orderId, metadata);
        }
    }

    record RefundPaymentBody(
            @Positive @Max(CurrencyRules.MAX_AMOUNT) Long amount,
            String currency,
            @Size(max = 500) String reason) {

        RefundPaymentCommand toCommand(PaymentId paymentId, RefundId refundId) {
            return new RefundPaymentCommand(paymentId, refundId, amount, currencyOrNull(currency), reason);
        }
    }

    record ReconcilePaymentBody(
            @NotBlank @Size(max = 255) String settlementId,

            @NotNull @Positive @Max(CurrencyRules.MAX_AMOUNT)
            Long grossAmount,

            @NotNull @PositiveOrZero @Max(CurrencyRules.MAX_AMOUNT)
            Long fee,

            @NotNull @PositiveOrZero @Max(CurrencyRules.MAX_AMOUNT)
            Long netAmount,

            String currency,
            @NotNull Instant settledAt) {

        private static final Instant FIRST_SETTLED_AT = Instant.parse("0001-01-01T00:00:00Z");
        private static final Instant LAST_SETTLED_AT = Instant.parse("9999-12-31T23:59:59.999999Z");

        /**
         * Checked here, not with a bean-validation getter, so the problem names the request's field grossAmount. The
         * settlement time is kept to microseconds, as PostgreSQL keeps it in every read model, so a read shows the time
         * the command answered; a time beyond what PostgreSQL can hold would stop the projections at its event.
         */
        ReconcilePaymentCommand toCommand(PaymentId paymentId) {
            if (grossAmount != fee + netAmount) {
                throw new SettlementDoesNotAddUp(grossAmount, fee, netAmount);
            }
            if (settledAt.isBefore(FIRST_SETTLED_AT) || settledAt.isAfter(LAST_SETTLED_AT)) {
                throw new SettlementTimeOutOfRange(settledAt);
            }
            return new ReconcilePaymentCommand(
                    paymentId,
                    settlementId,
                    grossAmount,
                    fee,
                    netAmount,
                    currencyOrNull(currency),
                    settledAt.truncatedTo(ChronoUnit.MICROS));
        }
    }

    private static Currency currencyOrNull(String code) {
        return code == null ? null : CurrencyRules.currency(code);
    }
}
