package io.ledger.webhook.stripe;

import static io.ledger.webhook.stripe.StripeFixtures.fill;
import static io.ledger.webhook.stripe.StripeFixtures.q;

import io.ledger.app.support.StripeApiStub;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One payment as Stripe sees it: its PaymentIntent, charge, refunds, dispute and payout, with ids unique to the story.
 * The {@code publish...} methods put the objects' current state in the {@link StripeApiStub}; {@link #event} wraps an
 * object in a Stripe event envelope with a fresh event id.
 */
final class StripeStory {

    static final String API_VERSION = "2025-03-31.basil";
    static final long DISPUTE_FEE = 1500;
    static final long PAYOUT_FEE = 175;
    private static final AtomicLong EVENTS = new AtomicLong();

    final String suffix;
    final String intentId;
    final String chargeId;
    final String chargeTransactionId;
    final String disputeId;
    final String payoutId;
    final long amount;
    final String currency = "usd";
    /** Our payment id in the PaymentIntent's metadata, or null for a PaymentIntent made outside the ledger. */
    final String ledgerPaymentId;

    private final StripeApiStub stub = StripeApiStub.shared();
    private final List<String> refunds = new ArrayList<>();

    StripeStory(String ledgerPaymentId, long amount) {
        this.suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        // A payment of the ledger has the PaymentIntent the ledger made when it created it.
        this.intentId = ledgerPaymentId != null ? StripeApiStub.intentIdOf(ledgerPaymentId) : "pi_3" + suffix;
        this.chargeId = "ch_3" + suffix;
        this.chargeTransactionId = "txn_3" + suffix;
        this.disputeId = "dp_1" + suffix;
        this.payoutId = "po_1" + suffix;
        this.amount = amount;
        this.ledgerPaymentId = ledgerPaymentId;
    }

    /** The payment id the ledger gives this PaymentIntent. */
    String paymentId() {
        return ledgerPaymentId != null ? ledgerPaymentId : "pay_pi3" + suffix;
    }

    // --- objects --------------------------------------------------------------------------------------------------

    String intent(String status) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", intentId);
        values.put("suffix", suffix);
        values.put("amount", amount);
        values.put("amountReceived", status.equals("succeeded") ? amount : 0);
        values.put("currency", currency);
        values.put("customer", q("cus_Fixture" + suffix.substring(0, 8)));
        values.put("description", q("Fixture order " + suffix));
        values.put(
                "metadata",
                ledgerPaymentId == null
                        ? "{\"orderId\": \"order_" + suffix + "\"}"
                        : "{\"paymentId\": " + q(ledgerPaymentId) + "}");
        values.put("cancellationReason", status.equals("canceled") ? q("requested_by_customer") : "null");
        values.put(
                "nextAction",
                status.equals("requires_action") ? "{\"type\": \"use_stripe_sdk\", \"use_stripe_sdk\": {}}" : "null");
        values.put(
                "lastPaymentError",
                status.equals("requires_payment_method") ? """
                {"charge": "%s", "code": "card_declined", "decline_code": "insufficient_funds",
                 "doc_url": "https://stripe.com/docs/error-codes/card-declined",
                 "message": "Your card has insufficient funds.",
                 "payment_method": {"id": "pm_1Fixture%s", "object": "payment_method", "type": "card"},
                 "type": "card_error"}""".formatted(chargeId, suffix) : "null");
        values.put(
                "latestCharge",
                status.equals("succeeded")
                        ? charge(0)
                        : status.equals("requires_payment_method") ? q(chargeId) : "null");
        values.put("status", status);
        return fill("payment_intent", values);
    }

    String charge(long refunded) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", chargeId);
        values.put("suffix", suffix);
        values.put("amount", amount);
        values.put("amountRefunded", refunded);
        values.put("balanceTransaction", chargeTransactionId);
        values.put("currency", currency);
        values.put("metadata", ledgerPaymentId == null ? "{}" : "{\"paymentId\": " + q(ledgerPaymentId) + "}");
        values.put("paymentIntent", intentId);
        values.put("refunded", refunded == amount);
        values.put(
                "refunds",
                "{\"object\": \"list\", \"data\": [" + String.join(",", refunds) + "], \"has_more\": false,"
                        + " \"total_count\": " + refunds.size() + ", \"url\": \"/v1/charges/" + chargeId
                        + "/refunds\"}");
        return fill("charge", values);
    }

    /** A refund of the charge; {@code ledgerRefundId} in its metadata when the ledger asked for it. */
    String refund(String refundId, long refundAmount, String status, String ledgerRefundId) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", refundId);
        values.put("amount", refundAmount);
        values.put("balanceTransaction", status.equals("succeeded") ? q("txn_3R" + refundId.substring(3)) : "null");
        values.put("charge", chargeId);
        values.put("currency", currency);
        values.put("failureReason", status.equals("failed") ? q("expired_or_canceled_card") : "null");
        values.put(
                "metadata",
                ledgerRefundId == null
                        ? "{}"
                        : "{\"paymentId\": " + q(paymentId()) + ", \"refundId\": " + q(ledgerRefundId) + "}");
        values.put("paymentIntent", intentId);
        values.put("reason", q("requested_by_customer"));
        values.put("status", status);
        return fill("refund", values);
    }

    String dispute(String status, long disputed) {
        List<String> transactions = new ArrayList<>();
        if (!status.startsWith("warning")) {
            transactions.add(disputeTransaction("txn_1DW" + suffix, -disputed, DISPUTE_FEE, "dispute"));
        }
        if (status.equals("won")) {
            transactions.add(disputeTransaction("txn_1DR" + suffix, disputed, -DISPUTE_FEE, "dispute_reversal"));
        }
        Map<String, Object> values = new HashMap<>();
        values.put("id", disputeId);
        values.put("amount", disputed);
        values.put("balanceTransactions", "[" + String.join(",", transactions) + "]");
        values.put("charge", chargeId);
        values.put("currency", currency);
        values.put("paymentIntent", intentId);
        values.put("reason", "fraudulent");
        values.put("status", status);
        return fill("dispute", values);
    }

    private String disputeTransaction(String id, long transactionAmount, long fee, String category) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", id);
        values.put("amount", transactionAmount);
        values.put("currency", currency);
        values.put("description", q("Chargeback withdrawal for " + chargeId));
        values.put("fee", fee);
        values.put(
                "feeDetails",
                fee == 0
                        ? "[]"
                        : "[{\"amount\": " + fee + ", \"application\": null, \"currency\": \"usd\","
                                + " \"description\": \"Dispute fee\", \"type\": \"stripe_fee\"}]");
        values.put("net", transactionAmount - fee);
        values.put("reportingCategory", category);
        values.put("source", q(disputeId));
        values.put("type", "adjustment");
        return fill("balance_transaction", values);
    }

    /** The charge's balance transaction as a payout lists it: its source charge expanded. */
    String chargeTransaction(long fee) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", chargeTransactionId);
        values.put("amount", amount);
        values.put("currency", currency);
        values.put("description", "null");
        values.put("fee", fee);
        values.put(
                "feeDetails",
                "[{\"amount\": " + fee + ", \"application\": null, \"currency\": \"usd\","
                        + " \"description\": \"Stripe processing fees\", \"type\": \"stripe_fee\"}]");
        values.put("net", amount - fee);
        values.put("reportingCategory", "charge");
        values.put("source", charge(0));
        values.put("type", "charge");
        return fill("balance_transaction", values);
    }

    String payout(long payoutAmount) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", payoutId);
        values.put("suffix", suffix);
        values.put("amount", payoutAmount);
        values.put("arrivalDate", 1763942400);
        values.put("currency", currency);
        return fill("payout", values);
    }

    String session(String mode, String paymentStatus) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", "cs_test_" + suffix);
        values.put("amount", amount);
        values.put("currency", currency);
        values.put("mode", mode);
        values.put("paymentIntent", mode.equals("payment") ? q(intentId) : "null");
        values.put("paymentStatus", paymentStatus);
        return fill("checkout_session", values);
    }

    // --- Stripe's current state -------------------------------------------------------------------------------------

    StripeStory publishIntent(String status) {
        stub.put("payment_intents", intentId, intent(status));
        return this;
    }

    /** Adds a refund to the charge's refunds and serves it. */
    StripeStory publishRefund(String refundId, long refundAmount, String status, String ledgerRefundId) {
        String refund = refund(refundId, refundAmount, status, ledgerRefundId);
        refunds.removeIf(existing -> existing.contains("\"id\": \"" + refundId + "\""));
        refunds.add(refund);
        stub.put("refunds", refundId, refund);
        stub.list("refunds", "charge", chargeId, refunds);
        return this;
    }

    StripeStory publishDispute(String status, long disputed) {
        stub.put("disputes", disputeId, dispute(status, disputed));
        return this;
    }

    /** The payout lists this payment's charge among others'. */
    StripeStory publishPayout(List<String> transactions) {
        stub.list("balance_transactions", "payout", payoutId, transactions);
        return this;
    }

    // --- events -------------------------------------------------------------------------------------------------

    static String event(String type, String object) {
        return eventWithId(
                "evt_1Fix" + UUID.randomUUID().toString().replace("-", "").substring(0, 18) + EVENTS.incrementAndGet(),
                type,
                object);
    }

    static String eventWithId(String eventId, String type, String object) {
        Map<String, Object> values = new HashMap<>();
        values.put("eventId", eventId);
        values.put("apiVersion", API_VERSION);
        values.put("created", Instant.now().getEpochSecond());
        values.put("object", object);
        values.put("type", type);
        return fill("event", values);
    }
}
