package io.ledger.command.checkout;

import io.ledger.api.id.PaymentId;
import io.ledger.api.payment.ConfirmPaymentCommand;
import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.payment.PaymentView;
import io.ledger.api.problem.LedgerProblem;
import io.ledger.command.checkout.CheckoutSessions.Session;
import io.ledger.command.payment.PaymentResources;
import io.ledger.command.provider.StripeKey;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The simulated provider's hosted checkout page, {@code /checkout/<session id>}: there only with the simulated provider
 * (with Stripe the customer pays on Stripe's page). It needs no token: its address carries the session's unguessable
 * id, as Stripe's does. It takes Stripe's test card numbers ({@link TestCards}), confirms the payment with the
 * simulated test method the number stands for (the number goes no further), asks for a simple "authenticate" step when
 * the method requires action, and sends the customer to the session's success URL once paid. Not part of the API
 * description: it is a page for people, not a call for clients.
 */
@Controller
@Hidden
@Conditional(StripeKey.Missing.class)
class CheckoutPageController {

    private final CheckoutSessions sessions;
    private final PaymentResources payments;
    private final CommandGateway commands;
    private final Clock clock;

    CheckoutPageController(CheckoutSessions sessions, PaymentResources payments, CommandGateway commands, Clock clock) {
        this.sessions = sessions;
        this.payments = payments;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping(Checkout.PAGE_PATH + "{id}")
    ResponseEntity<String> page(@PathVariable String id) {
        Optional<Session> session = sessions.find(id);
        if (session.isEmpty()) {
            return CheckoutPages.notFound();
        }
        return show(session.get(), HttpStatus.OK, null);
    }

    @PostMapping(path = Checkout.PAGE_PATH + "{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> pay(
            @PathVariable String id, @RequestParam(name = "cardNumber", required = false) String cardNumber) {
        Optional<Session> found = sessions.find(id);
        if (found.isEmpty()) {
            return CheckoutPages.notFound();
        }
        Session session = found.get();
        PaymentView payment = payments.payment(session.paymentId());
        if (!payable(session, payment)) {
            return show(session, HttpStatus.CONFLICT, null);
        }
        Optional<String> method = TestCards.method(cardNumber);
        if (method.isEmpty()) {
            return show(
                    session,
                    HttpStatus.BAD_REQUEST,
                    "Use one of Stripe's test card numbers, such as 4242 4242 4242 4242.");
        }
        return confirm(session, method.get());
    }

    @PostMapping(Checkout.PAGE_PATH + "{id}/authenticate")
    ResponseEntity<String> authenticate(@PathVariable String id) {
        Optional<Session> found = sessions.find(id);
        if (found.isEmpty()) {
            return CheckoutPages.notFound();
        }
        Session session = found.get();
        PaymentView payment = payments.payment(session.paymentId());
        if (payment.status() != PaymentStatus.REQUIRES_ACTION || expired(session)) {
            return show(session, HttpStatus.CONFLICT, null);
        }
        // With the simulated provider a confirmation of a payment awaiting action means the customer acted.
        return confirm(session, null);
    }

    private ResponseEntity<String> confirm(Session session, @Nullable String method) {
        try {
            commands.sendAndWait(new ConfirmPaymentCommand(PaymentId.of(session.paymentId()), method, null));
        } catch (LedgerProblem e) {
            return show(session, HttpStatus.CONFLICT, null);
        }
        PaymentView payment = payments.payment(session.paymentId());
        if (Checkout.paid(payment.status())) {
            sessions.completed(session.id());
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create(session.successUrl()))
                    .headers(CheckoutPages.headers(session))
                    .build();
        }
        return show(session, payment, HttpStatus.OK, null);
    }

    private ResponseEntity<String> show(Session session, HttpStatus status, @Nullable String message) {
        return show(session, payments.payment(session.paymentId()), status, message);
    }

    private ResponseEntity<String> show(
            Session session, PaymentView payment, HttpStatus status, @Nullable String message) {
        return ResponseEntity.status(status)
                .headers(CheckoutPages.headers(session))
                .contentType(CheckoutPages.HTML)
                .body(CheckoutPages.render(session, payment, expired(session), message));
    }

    private boolean payable(Session session, PaymentView payment) {
        return !expired(session)
                && (payment.status() == PaymentStatus.PENDING || payment.status() == PaymentStatus.FAILED);
    }

    /** Expired once its time is up, even before the expiry worker has come by. */
    private boolean expired(Session session) {
        return CheckoutSessions.EXPIRED.equals(session.status())
                || !clock.instant().isBefore(session.expiresAt());
    }
}
