package io.ledger.command.checkout;

import io.ledger.api.id.PaymentId;
import io.ledger.api.payment.CreatePaymentCommand;
import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.payment.PaymentView;
import io.ledger.command.checkout.CheckoutRequests.OpenCheckout;
import io.ledger.command.checkout.CheckoutSessions.Session;
import io.ledger.command.payment.PaymentResources;
import io.ledger.command.provider.CheckoutPage;
import io.ledger.command.provider.CheckoutRequest;
import io.ledger.command.provider.HostedCheckout;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;

/**
 * Hosted checkout: a session is a payment (made by the payment's own create command, its id derived from the caller's
 * Idempotency-Key) plus a page where the customer pays it, opened by the {@link HostedCheckout} (Stripe Checkout, or the
 * ledger's own page with the simulated provider). A create retried after its answer was lost finds the payment and its
 * session again: the session's expiry is reckoned from the payment's creation, so the provider is asked for the same
 * page with the same idempotency key. Whether a session is complete is its payment's news: the page, Stripe's
 * {@code checkout.session.*} webhooks or its PaymentIntent's complete the payment, and the session reads it.
 */
class Checkout {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The ledger's page for a session: {@code /checkout/<session id>}. */
    static final String PAGE_PATH = "/checkout/";

    private final CommandGateway commands;
    private final CheckoutSessions sessions;
    private final HostedCheckout hosted;
    private final PaymentResources payments;
    private final Clock clock;
    private final Duration expiresAfter;

    Checkout(
            CommandGateway commands,
            CheckoutSessions sessions,
            HostedCheckout hosted,
            PaymentResources payments,
            Clock clock,
            Duration expiresAfter) {
        this.commands = commands;
        this.sessions = sessions;
        this.hosted = hosted;
        this.payments = payments;
        this.clock = clock;
        this.expiresAfter = expiresAfter;
    }

    /**
     * Makes the payment and opens its page.
     *
     * @param ledgerBase this ledger's address as the caller reached it, for the simulated provider's page
     */
    CheckoutSessionResource open(PaymentId paymentId, OpenCheckout open, String ledgerBase) {
        commands.sendAndWait(new CreatePaymentCommand(
                paymentId,
                open.amount(),
                open.customerId(),
                open.orderId(),
                open.description(),
                Map.of(),
                null,
                false,
                open.onlyCustomer()));
        Optional<Session> stored = sessions.ofPayment(paymentId.value());
        if (stored.isPresent()) {
            return resource(stored.get());
        }
        PaymentView payment = payments.payment(paymentId);
        Instant expiresAt = payment.createdAt().plus(expiresAfter).truncatedTo(ChronoUnit.SECONDS);
        String id = newSessionId();
        String pageUrl = ledgerBase + PAGE_PATH + id;
        CheckoutPage page = hosted.open(new CheckoutRequest(
                id,
                pageUrl,
                paymentId,
                open.amount(),
                open.customerId(),
                open.orderId(),
                open.description(),
                open.successUrl(),
                open.cancelUrl(),
                expiresAt));
        Session session = new Session(
                id,
                paymentId.value(),
                open.customerId(),
                page.providerSessionId(),
                page.url(),
                open.successUrl(),
                open.cancelUrl(),
                CheckoutSessions.OPEN,
                expiresAt);
        sessions.insert(session, clock.instant());
        return resource(session, payment);
    }

    /**
     * The session, as a caller confined to one customer's payments ({@code onlyCustomer}; null: any) may see it:
     * another customer's is not there.
     */
    CheckoutSessionResource find(String id, @Nullable String onlyCustomer) {
        Session session = sessions.find(id)
                .filter(found -> onlyCustomer == null || onlyCustomer.equals(found.customerId()))
                .orElseThrow(CheckoutSessionNotFound::new);
        return resource(session);
    }

    private CheckoutSessionResource resource(Session session) {
        return resource(session, session.open() ? payments.payment(session.paymentId()) : null);
    }

    private static CheckoutSessionResource resource(Session session, @Nullable PaymentView payment) {
        String status = session.status();
        if (session.open() && payment != null && paid(payment.status())) {
            status = CheckoutSessions.COMPLETE;
        }
        return new CheckoutSessionResource(
                session.id(), session.paymentId(), session.url(), status, session.expiresAt());
    }

    /**
     * Whether the customer has paid: the money was captured, or is on its way (an asynchronous method), as Stripe then
     * calls the session complete.
     */
    static boolean paid(PaymentStatus status) {
        return status.isCaptured() || status == PaymentStatus.PROCESSING;
    }

    /** {@code cs_} and 32 base-62 characters from a secure random source: the page's address is its only key. */
    static String newSessionId() {
        StringBuilder id = new StringBuilder("cs_");
        for (int i = 0; i < 32; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
