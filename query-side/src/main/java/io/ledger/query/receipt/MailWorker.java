package io.ledger.query.receipt;

import io.ledger.api.retry.Backoff;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's emails over SMTP, each at most once. A worker claims due rows with a lease ({@link
 * Outbox#claimDue}: {@code sending}, committed before the SMTP conversation starts), sends each and marks it {@code
 * sent}. An SMTP error that certainly sent nothing (no connection, the server refused the login, the sender or the
 * message) puts the row back as due after a backoff, or gives it up ({@code failed}) when the server refused for good
 * or after {@code ledger.mail.max-attempts}. Whatever else goes wrong mid-conversation, and a row still {@code sending}
 * once its lease ran out (its worker died, or lost the database, between the server's acceptance and the mark), may
 * have been sent: it becomes {@code unconfirmed} and is never sent again by itself; an operator decides (docs/
 * operations.md). Without SMTP ({@code spring.mail.host} unset) nothing is sent, and that is logged once at start.
 */
@Component
class MailWorker {

    private static final Logger log = LoggerFactory.getLogger(MailWorker.class);
    private static final int MAX_ERROR_LENGTH = 2_000;

    private final Outbox outbox;
    private final Receipts receipts;
    private final JavaMailSender sender;
    private final CustomerContacts contacts;
    private final MailSettings settings;
    private final ReceiptSettings receiptSettings;
    private final Backoff backoff;
    private final Clock clock;
    private final String worker = ManagementFactory.getRuntimeMXBean().getName();

    MailWorker(
            Outbox outbox,
            Receipts receipts,
            ObjectProvider<JavaMailSender> sender,
            ObjectProvider<CustomerContacts> contacts,
            MailSettings settings,
            ReceiptSettings receiptSettings,
            Clock clock) {
        this.outbox = outbox;
        this.receipts = receipts;
        this.sender = sender.getIfAvailable();
        this.contacts = contacts.getIfAvailable(() -> CustomerContacts.NONE);
        this.settings = settings;
        this.receiptSettings = receiptSettings;
        this.backoff = settings.backoff();
        this.clock = clock;
        if (this.sender == null) {
            log.info("SMTP is not configured (SPRING_MAIL_HOST is unset): no receipt or notice is emailed");
        } else if (settings.from() == null || settings.from().isBlank()) {
            throw new IllegalStateException("LEDGER_MAIL_FROM (ledger.mail.from) must be set once SPRING_MAIL_HOST is:"
                    + " it is the sender of every receipt and notice");
        } else {
            log.info("Receipts and notices are emailed from {}", settings.from());
        }
    }

    /** Every {@link MailSettings#pollInterval()}, first after one: the same property, the same default. */
    @Scheduled(
            fixedDelayString = "${ledger.mail.poll-interval:PT1S}",
            initialDelayString = "${ledger.mail.poll-interval:PT1S}")
    void poll() {
        if (sender == null || !settings.worker().enabled()) {
            return;
        }
        // A full batch means more may be waiting: go on at once. Each claimed row leaves 'pending' for good or until
        // its backoff, so this ends.
        while (sendDue() == settings.batchSize()) {
            // next batch
        }
    }

    /**
     * Flags the rows whose lease ran out while sending, then works one claim of due rows; answers how many rows it
     * claimed. Nothing without SMTP.
     */
    int sendDue() {
        if (sender == null) {
            return 0;
        }
        for (Outbox.Stale stale : outbox.flagStale()) {
            log.error(
                    "ALERT email {} ({} of payment {}, Message-ID {}, to {}) was being sent when its lease ran out: it"
                            + " may or may not have been sent and is not sent again by itself (unconfirmed; see"
                            + " docs/operations.md)",
                    stale.id(),
                    stale.kind(),
                    stale.paymentId(),
                    stale.messageId(),
                    stale.recipient());
        }
        List<Outbox.Claim> claimed = outbox.claimDue(settings.batchSize(), settings.lease(), worker);
        for (Outbox.Claim claim : claimed) {
            try {
                send(claim);
            } catch (RuntimeException e) {
                // The database, most likely: the row stays 'sending' and its lease runs out (unconfirmed if the email
                // went out before the failure).
                log.error("email {} of payment {}: {}", claim.id(), claim.paymentId(), describe(e));
            }
        }
        return claimed.size();
    }

    private void send(Outbox.Claim claim) {
        Instant now = clock.instant();
        String messageId = claim.messageId(domain(settings.from()));
        if (claim.occurredAt().isBefore(now.minus(settings.maxAge()))) {
            outbox.finish(claim, Outbox.EXPIRED, null, messageId, "older than ledger.mail.max-age when its turn came");
            return;
        }
        if (claim.kind() == Outbox.Kind.FAILURE && outbox.hasReceipt(claim.paymentId())) {
            outbox.finish(claim, Outbox.SKIPPED, null, messageId, "the payment succeeded since");
            return;
        }
        Optional<CustomerContacts.Contact> contact = contacts.find(claim.customerId());
        String to = contact.map(CustomerContacts.Contact::email).orElse(null);
        if (to == null || to.isBlank()) {
            outbox.finish(claim, Outbox.SKIPPED, null, messageId, "the customer has no email");
            return;
        }
        MimeMessage message;
        try {
            ReceiptView receipt = receipts.find(claim.paymentId(), null).orElse(null);
            message = Notices.compose(new Notices.Letter(
                    claim,
                    settings.from(),
                    receiptSettings.merchantName(),
                    to,
                    contact.map(CustomerContacts.Contact::name).orElse(null),
                    messageId,
                    receipt));
        } catch (RuntimeException e) {
            outbox.finish(claim, Outbox.FAILED, to, messageId, describe(e));
            log.error(
                    "ALERT email {} of payment {} could not be written: {}",
                    claim.id(),
                    claim.paymentId(),
                    describe(e));
            return;
        }
        if (!outbox.addressed(claim, to, messageId)) {
            log.warn("email {} of payment {} not sent: its claim ran out first", claim.id(), claim.paymentId());
            return;
        }
        try {
            sender.send(message);
        } catch (MailException e) {
            failed(claim, to, messageId, e, now);
            return;
        }
        if (!outbox.sent(claim, to, messageId)) {
            log.warn(
                    "email {} of payment {} was sent, but its claim had run out meanwhile",
                    claim.id(),
                    claim.paymentId());
        }
    }

    private void failed(Outbox.Claim claim, String to, String messageId, MailException failure, Instant now) {
        String error = describe(failure);
        switch (classify(failure)) {
            case NOT_SENT -> {
                if (claim.attempts() >= settings.maxAttempts()) {
                    outbox.finish(claim, Outbox.FAILED, to, messageId, error);
                    log.error(
                            "ALERT email {} of payment {} given up after {} attempts: {}",
                            claim.id(),
                            claim.paymentId(),
                            claim.attempts(),
                            error);
                } else {
                    outbox.retry(claim, to, messageId, error, now.plus(backoff.delay(claim.attempts())));
                    log.warn(
                            "email {} of payment {} not sent (attempt {}), will retry: {}",
                            claim.id(),
                            claim.paymentId(),
                            claim.attempts(),
                            error);
                }
            }
            case REFUSED -> {
                outbox.finish(claim, Outbox.FAILED, to, messageId, error);
                log.error(
                        "ALERT email {} of payment {} refused by the SMTP server: {}",
                        claim.id(),
                        claim.paymentId(),
                        error);
            }
            case UNKNOWN -> {
                outbox.finish(claim, Outbox.UNCONFIRMED, to, messageId, error);
                log.error(
                        "ALERT email {} of payment {} (Message-ID {}) failed mid-conversation and may or may not have"
                                + " been sent; not sent again by itself (unconfirmed): {}",
                        claim.id(),
                        claim.paymentId(),
                        messageId,
                        error);
            }
        }
    }

    /** What an SMTP failure says about the email. */
    enum Outcome {
        /** Certainly not sent, and worth another try: no connection, a refused login, a temporary (4xx) refusal. */
        NOT_SENT,
        /** Certainly not sent, and refused for good (a 5xx answer to the sender, a recipient or the message). */
        REFUSED,
        /** Perhaps sent: the conversation broke off after the message may have been accepted. */
        UNKNOWN
    }

    static Outcome classify(MailException failure) {
        if (failure instanceof MailAuthenticationException) {
            return Outcome.NOT_SENT;
        }
        Deque<Throwable> open = new ArrayDeque<>();
        open.add(failure);
        if (failure instanceof MailSendException send) {
            open.addAll(List.of(send.getMessageExceptions()));
        }
        Set<Throwable> seen = new HashSet<>();
        List<Throwable> all = new ArrayList<>();
        while (!open.isEmpty()) {
            Throwable next = open.poll();
            if (next == null || !seen.add(next)) {
                continue;
            }
            all.add(next);
            if (next.getCause() != null) {
                open.add(next.getCause());
            }
            if (next instanceof jakarta.mail.MessagingException messaging && messaging.getNextException() != null) {
                open.add(messaging.getNextException());
            }
        }
        for (Throwable cause : all) {
            if (cause instanceof SendFailedException refused) {
                return permanent(refused.getMessage()) ? Outcome.REFUSED : Outcome.NOT_SENT;
            }
        }
        for (Throwable cause : all) {
            if (cause instanceof ConnectException
                    || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException
                    || cause instanceof AuthenticationFailedException
                    || cause.getClass().getSimpleName().equals("MailConnectException")) {
                return Outcome.NOT_SENT;
            }
        }
        return Outcome.UNKNOWN;
    }

    /** Whether the server's answer (its text starts with the reply code) was a permanent refusal (5xx). */
    private static boolean permanent(String reply) {
        return reply != null && reply.strip().startsWith("5");
    }

    private static String domain(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "ledger.invalid" : address.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
    }

    /** The failure and its causes, without stack traces, short enough to keep. */
    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null && text.length() < MAX_ERROR_LENGTH; cause = cause.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
            if (cause.getCause() == cause) {
                break;
            }
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text.toString();
    }
}
