package io.ledger.command.provider;

import io.ledger.api.payment.Provider;
import io.ledger.api.payment.ProviderDetails;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A provider that behaves like Stripe's test payment methods, without a network. {@code pm_card_processing} goes to
 * processing and is completed later by {@link SimulatedAsyncChargeJob}, from a row written in the same transaction as
 * the payment's events, so a restart loses no completion.
 */
class SimulatedPaymentProvider implements PaymentProvider {

    static final String VISA = "pm_card_visa";
    static final String MASTERCARD = "pm_card_mastercard";
    static final String DECLINED = "pm_card_chargeDeclined";
    static final String INSUFFICIENT_FUNDS = "pm_card_insufficientFunds";
    static final String AUTHENTICATION_REQUIRED = "pm_card_authenticationRequired";
    static final String PROCESSING = "pm_card_processing";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration processingDelay;

    SimulatedPaymentProvider(JdbcClient jdbc, Clock clock, Duration processingDelay) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.processingDelay = processingDelay;
    }

    @Override
    public Provider kind() {
        return Provider.SIMULATED;
    }

    @Override
    public ProviderPayment createPayment(PaymentRequest request) {
        String providerPaymentId = "sim_" + request.paymentId().value();
        return new ProviderPayment(providerPaymentId, providerPaymentId + "_secret_" + UUID.randomUUID());
    }

    @Override
    public ChargeOutcome confirm(ChargeRequest request) {
        if (request.customerActionCompleted()) {
            return new ChargeOutcome.Succeeded(ProviderDetails.NONE);
        }
        return switch (request.paymentMethod()) {
            case VISA, MASTERCARD, SimulatedCards.AMEX -> new ChargeOutcome.Succeeded(ProviderDetails.NONE);
            case DECLINED ->
                new ChargeOutcome.Failed("card_declined", null, "Your card was declined.", ProviderDetails.NONE);
            case INSUFFICIENT_FUNDS ->
                new ChargeOutcome.Failed(
                        "insufficient_funds", null, "Your card has insufficient funds.", ProviderDetails.NONE);
            case SimulatedCards.EXPIRED ->
                new ChargeOutcome.Failed("expired_card", null, "Your card has expired.", ProviderDetails.NONE);
            case AUTHENTICATION_REQUIRED -> new ChargeOutcome.ActionRequired("use_stripe_sdk");
            case PROCESSING -> {
                scheduleCompletion(request);
                yield new ChargeOutcome.Processing();
            }
            default -> throw new UnknownPaymentMethod(request.paymentMethod());
        };
    }

    /** The simulated provider charges whatever amount the confirmation's payment has: nothing to tell it. */
    @Override
    public void changeAmount(AmountChangeRequest request) {
        // nothing is kept here of a payment that was not charged
    }

    @Override
    public void cancel(CancelRequest request) {
        jdbc.sql("DELETE FROM simulated_async_charge WHERE payment_id = ?")
                .param(request.paymentId().value())
                .update();
    }

    @Override
    public RefundOutcome refund(RefundRequest request) {
        return new RefundOutcome.Succeeded("sim_" + request.refundId().value(), ProviderDetails.NONE);
    }

    private void scheduleCompletion(ChargeRequest request) {
        // A row left from an earlier attempt (its completion not yet cleared) gives way to this one.
        jdbc.sql(
                        "INSERT INTO simulated_async_charge (payment_id, due_at, attempt) VALUES (?, ?, ?)"
                                + " ON CONFLICT (payment_id) DO UPDATE SET due_at = excluded.due_at, attempt = excluded.attempt")
                .param(request.paymentId().value())
                .param(java.sql.Timestamp.from(clock.instant().plus(processingDelay)))
                .param(request.attempt())
                .update();
    }
}
