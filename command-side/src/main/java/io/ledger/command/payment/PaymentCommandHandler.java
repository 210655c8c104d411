package io.ledger.command.payment;

import io.ledger.api.money.CurrencyRules;
import io.ledger.api.payment.ArchivePaymentCommand;
import io.ledger.api.payment.CancelPaymentCommand;
import io.ledger.api.payment.ConfirmPaymentCommand;
import io.ledger.api.payment.CreatePaymentCommand;
import io.ledger.api.payment.PaymentCreated;
import io.ledger.api.payment.Provider;
import io.ledger.api.payment.RefundPaymentCommand;
import io.ledger.api.payment.UpdatePaymentCommand;
import io.ledger.command.customer.CustomerResources;
import io.ledger.command.provider.CancelRequest;
import io.ledger.command.provider.ChargeOutcome;
import io.ledger.command.provider.ChargeRequest;
import io.ledger.command.provider.PaymentProvider;
import io.ledger.command.provider.PaymentRequest;
import io.ledger.command.provider.ProviderPayment;
import io.ledger.command.provider.RefundOutcome;
import io.ledger.command.provider.RefundRequest;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Handles the payment commands that need the provider. Each runs in one unit of work holding the payment's lock: the
 * aggregate decides, the provider is called outside it, and the aggregate records the outcome, so two concurrent
 * confirmations of one payment never both reach the provider. They answer only what they decided; clients' answers
 * are read from the payment's events ({@link PaymentResources}).
 */
@Component
class PaymentCommandHandler {

    private final Repository<Payment> payments;
    private final EventStore events;
    private final PaymentProvider provider;
    private final CustomerResources customers;

    PaymentCommandHandler(
            Repository<Payment> payments, EventStore events, PaymentProvider provider, CustomerResources customers) {
        this.payments = payments;
        this.events = events;
        this.provider = provider;
        this.customers = customers;
    }

    @CommandHandler
    NewPayment handle(CreatePaymentCommand command) throws Exception {
        if (command.onlyCustomer() != null && !command.onlyCustomer().equals(command.customerId())) {
            throw new PaymentForAnotherCustomer();
        }
        CurrencyRules.checkChargeAmount(command.amount());
        String charged = command.paymentMethod();
        if (command.confirm() && charged == null) {
            // The customer's default, checked before the provider hears of the payment: a rejected request leaves
            // nothing behind.
            charged =
                    customers.defaultPaymentMethod(command.customerId()).orElseThrow(PaymentMethodRequired::noDefault);
        }
        Optional<Aggregate<Payment>> stored = stored(command);
        stored.ifPresent(payment -> payment.execute(p -> p.checkRetriedCreate(command)));
        ProviderPayment providerPayment = provider.createPayment(new PaymentRequest(
                command.paymentId(),
                command.amount(),
                command.customerId(),
                command.orderId(),
                command.description(),
                command.metadata(),
                providerCustomerId(command)));
        if (stored.isPresent()) {
            // The provider answers a repeated creation with its first one (the same idempotency key): the same client
            // secret, and nothing new there.
            return new NewPayment(command.paymentId(), providerPayment.clientSecret());
        }
        PaymentCreated created = new PaymentCreated(
                command.paymentId(),
                command.amount(),
                command.customerId(),
                command.orderId(),
                command.description(),
                command.metadata(),
                provider.kind(),
                providerPayment.providerPaymentId(),
                command.paymentMethod());
        Aggregate<Payment> payment = payments.newInstance(() -> new Payment(created));
        if (command.confirm()) {
            charge(payment, charged, null);
        }
        return new NewPayment(command.paymentId(), providerPayment.clientSecret());
    }

    /**
     * The provider's customer of a registered customer, for Stripe (whose PaymentIntent then belongs to it and may be
     * charged with its saved methods); the simulated provider needs none, and is spared the read.
     */
    private String providerCustomerId(CreatePaymentCommand command) {
        if (provider.kind() != Provider.STRIPE) {
            return null;
        }
        return customers.providerCustomerId(command.customerId()).orElse(null);
    }

    /**
     * The payment the create's id names, when it exists: ids are derived from the caller's Idempotency-Key, so a create
     * retried after its answer was lost finds the payment its first attempt stored. That is possible when the command
     * ran on another node than the request, whose own transaction (and stored answer) then commits separately
     * (docs/architecture.md, "Several nodes"). Asked of the store first (one index-only read that finds nothing,
     * normally), so a new payment is never an aggregate that failed to load.
     */
    private Optional<Aggregate<Payment>> stored(CreatePaymentCommand command) {
        String id = command.paymentId().value();
        boolean exists;
        try {
            exists = events.lastSequenceNumberFor(id).isPresent();
        } catch (AggregateNotFoundException none) {
            exists = false; // how a store that answers by reading the events says it has none (Axon's test fixture)
        }
        return exists ? Optional.of(payments.load(id)) : Optional.empty();
    }

    @CommandHandler
    void handle(ConfirmPaymentCommand command) {
        Aggregate<Payment> payment = payments.load(command.paymentId().value());
        String method = command.paymentMethod();
        if (method == null) {
            // A payment that knows no method is charged with its customer's default, as a create with confirm is.
            method = payment.invoke(Payment::customerToChargeByDefault)
                    .flatMap(customers::defaultPaymentMethod)
                    .orElse(null);
        }
        charge(payment, method, command.onlyCustomer());
    }

    @CommandHandler
    void handle(CancelPaymentCommand command) {
        Aggregate<Payment> payment = payments.load(command.paymentId().value());
        Optional<CancelRequest> cancel = payment.invoke(p -> p.prepareCancel(command.reason(), command.onlyCustomer()));
        if (cancel.isPresent()) {
            provider.cancel(cancel.get());
            payment.execute(p -> p.recordCancel(cancel.get()));
        }
    }

    /** A new amount is told to the provider before it is recorded: the provider charges what it was told. */
    @CommandHandler
    void handle(UpdatePaymentCommand command) {
        Aggregate<Payment> payment = payments.load(command.paymentId().value());
        Optional<PreparedUpdate> update = payment.invoke(p -> p.prepareUpdate(command));
        if (update.isPresent()) {
            update.get().amountChange().ifPresent(provider::changeAmount);
            payment.execute(p -> p.recordUpdate(update.get()));
        }
    }

    /** Canceled at the provider (unless canceled already), then canceled and archived here in one unit of work. */
    @CommandHandler
    void handle(ArchivePaymentCommand command) {
        Aggregate<Payment> payment = payments.load(command.paymentId().value());
        Optional<PreparedArchive> archive = payment.invoke(Payment::prepareArchive);
        if (archive.isPresent()) {
            archive.get().cancel().ifPresent(provider::cancel);
            payment.execute(p -> p.recordArchive(archive.get()));
        }
    }

    @CommandHandler
    void handle(RefundPaymentCommand command) {
        Aggregate<Payment> payment = payments.load(command.paymentId().value());
        Optional<RefundRequest> refund = payment.invoke(p -> p.prepareRefund(command));
        if (refund.isPresent()) {
            RefundOutcome outcome = provider.refund(refund.get());
            payment.execute(p -> p.recordRefund(refund.get(), outcome));
        }
    }

    private void charge(Aggregate<Payment> payment, String paymentMethod, String onlyCustomer) {
        Optional<ChargeRequest> charge = payment.invoke(p -> p.prepareCharge(paymentMethod, onlyCustomer));
        if (charge.isPresent()) {
            ChargeOutcome outcome = provider.confirm(charge.get());
            payment.execute(p -> p.recordCharge(charge.get(), outcome));
        }
    }
}
