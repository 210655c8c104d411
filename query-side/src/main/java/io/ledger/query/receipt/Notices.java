package io.ledger.query.receipt;

import io.ledger.query.report.PrintedAmount;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The emails about payments, as messages: a receipt (its PDF attached) when a payment succeeds, a notice with what to
 * do next when an attempt fails, a notice when a refund is paid. Plain text, UTF-8. Each carries the Message-ID of its
 * outbox row, the same on every attempt.
 */
final class Notices {

    private Notices() {}

    /** What to write to whom. {@code receipt} is the payment's receipt (null when it has none, as for a failure). */
    record Letter(
            Outbox.Claim claim,
            String from,
            String merchant,
            String to,
            String name,
            String messageId,
            ReceiptView receipt) {}

    static MimeMessage compose(Letter letter) {
        try {
            MimeMessage message = new FixedIdMessage(letter.messageId());
            boolean attach = letter.claim().kind() == Outbox.Kind.RECEIPT;
            MimeMessageHelper helper = new MimeMessageHelper(message, attach, "UTF-8");
            helper.setFrom(new InternetAddress(letter.from(), letter.merchant(), "UTF-8"));
            helper.setTo(
                    letter.name() == null
                            ? new InternetAddress(letter.to())
                            : new InternetAddress(letter.to(), letter.name(), "UTF-8"));
            helper.setSentDate(new Date());
            switch (letter.claim().kind()) {
                case RECEIPT -> receipt(helper, letter);
                case FAILURE -> failure(helper, letter);
                case REFUND -> refund(helper, letter);
            }
            return message;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException(
                    "the email of outbox row " + letter.claim().id() + " could not be written", e);
        }
    }

    private static void receipt(MimeMessageHelper helper, Letter letter) throws MessagingException {
        ReceiptView receipt = letter.receipt();
        if (receipt == null) {
            throw new IllegalStateException("payment " + letter.claim().paymentId() + " has no receipt");
        }
        helper.setSubject("Your receipt " + receipt.number() + " from " + letter.merchant());
        helper.setText(greeting(letter)
                + "thank you for your payment to " + letter.merchant() + ".\n\n"
                + "Receipt:        " + receipt.number() + "\n"
                + "Amount paid:    " + money(receipt.amount(), receipt.currency()) + "\n"
                + "Payment method: " + (receipt.paymentMethod() == null ? "-" : receipt.paymentMethod()) + "\n"
                + "Payment:        " + receipt.paymentId() + "\n"
                + (receipt.orderId() == null ? "" : "Order:          " + receipt.orderId() + "\n")
                + "Paid at:        " + receipt.issuedAt() + "\n\n"
                + "Your receipt is attached as a PDF.\n\n"
                + letter.merchant() + "\n");
        helper.addAttachment(
                "receipt-" + receipt.number() + ".pdf",
                new ByteArrayResource(ReceiptPdf.render(receipt)),
                "application/pdf");
    }

    private static void failure(MimeMessageHelper helper, Letter letter) throws MessagingException {
        Outbox.Claim claim = letter.claim();
        helper.setSubject("Your payment to " + letter.merchant() + " did not go through");
        helper.setText(greeting(letter)
                + "your payment of " + money(claim.amount(), claim.currency()) + " to " + letter.merchant()
                + " did not go through, and no money was taken.\n\n"
                + "Reason: " + reason(claim) + "\n"
                + "Payment: " + claim.paymentId() + "\n\n"
                + "What to do next: " + nextStep(claim.failureCode()) + "\n\n"
                + letter.merchant() + "\n");
    }

    private static void refund(MimeMessageHelper helper, Letter letter) throws MessagingException {
        Outbox.Claim claim = letter.claim();
        ReceiptView receipt = letter.receipt();
        helper.setSubject("Your refund of " + money(claim.amount(), claim.currency()) + " from " + letter.merchant());
        String left = receipt == null
                ? ""
                : "Paid back so far: " + money(receipt.amountRefunded(), receipt.currency()) + " of "
                        + money(receipt.amount(), receipt.currency()) + " (receipt " + receipt.number() + ")\n";
        helper.setText(greeting(letter)
                + letter.merchant() + " has refunded " + money(claim.amount(), claim.currency())
                + " of your payment " + claim.paymentId() + ".\n\n"
                + "Refund: " + claim.refundId() + "\n"
                + left + "\n"
                + "The money goes back to the payment method you paid with; depending on your bank it can take "
                + "5 to 10 business days to show on your statement.\n\n"
                + letter.merchant() + "\n");
    }

    private static String greeting(Letter letter) {
        return letter.name() == null ? "Hello,\n\n" : "Hello " + letter.name() + ",\n\n";
    }

    private static String reason(Outbox.Claim claim) {
        String message = claim.failureMessage();
        return message == null || message.isBlank() ? claim.failureCode() : message + " (" + claim.failureCode() + ")";
    }

    /** What the customer can do about a failure, by the provider's code. */
    static String nextStep(String code) {
        String known = code == null ? "" : code;
        return switch (known) {
            case "insufficient_funds" ->
                "the card has not enough funds. Pay with another card, or add funds and try " + "again.";
            case "expired_card" -> "the card has expired. Pay with another card.";
            case "incorrect_cvc", "incorrect_number", "invalid_expiry_month", "invalid_expiry_year" ->
                "the card's " + "details were not accepted. Check them and try again, or pay with another card.";
            case "authentication_required" ->
                "your bank asks you to confirm the payment. Try again and complete the " + "check your bank shows you.";
            case "processing_error" ->
                "the payment could not be processed this time. Please try again in a few " + "minutes.";
            default ->
                "your bank declined the payment. Try again with another payment method, or contact your bank "
                        + "for the reason.";
        };
    }

    private static String money(long minor, String currency) {
        return PrintedAmount.of(minor, currency) + " " + currency.toUpperCase(Locale.ROOT);
    }

    /** A message whose Message-ID stays the one given: Jakarta Mail would make a new one each time it is saved. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(String messageId) {
            super(Session.getInstance(new Properties()));
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
