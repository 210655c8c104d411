package io.ledger.command.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;

/**
 * The id of what a request creates, derived from the caller's Idempotency-Key when it sent one: a retry after a crash
 * (nothing committed, so nothing to replay) makes the same payment or refund again, and so reuses the provider's
 * idempotency keys derived from that id: Stripe answers with the PaymentIntent or Refund it made the first time
 * instead of charging or refunding twice. Without a key the id is random, as before. Public for the features that
 * create payments from outside this package (hosted checkout).
 */
public final class IdempotentIds {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int LENGTH = 24;

    private IdempotentIds() {}

    static PaymentId payment(Principal caller, String idempotencyKey) {
        return idempotencyKey == null
                ? PaymentId.newId()
                : PaymentId.of(PaymentId.PREFIX + derived("payment", scope(caller), idempotencyKey));
    }

    /** The payment a hosted checkout session makes: derived likewise, for a purpose of its own. */
    public static PaymentId checkoutPayment(Principal caller, String idempotencyKey) {
        return idempotencyKey == null
                ? PaymentId.newId()
                : PaymentId.of(PaymentId.PREFIX + derived("checkout payment", scope(caller), idempotencyKey));
    }

    /**
     * The id of a batch item that has no key of its own, in a batch sent with an Idempotency-Key: the same batch sent
     * again makes the same payments.
     */
    static PaymentId batchItem(Principal caller, String batchKey, int index) {
        return PaymentId.of(PaymentId.PREFIX + derived("batch payment " + index, scope(caller), batchKey));
    }

    static RefundId refund(Principal caller, String idempotencyKey, PaymentId paymentId) {
        return idempotencyKey == null
                ? RefundId.newId()
                : RefundId.of(RefundId.PREFIX + derived("refund " + paymentId.value(), scope(caller), idempotencyKey));
    }

    /** The idempotency filter's scope: keys belong to their caller. */
    private static String scope(Principal caller) {
        return caller == null ? "anonymous" : caller.getName();
    }

    /** 24 base-62 characters of SHA-256 over what the id is for, the caller and the key. */
    private static String derived(String purpose, String scope, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((purpose + '\n' + scope + '\n' + key).getBytes(StandardCharsets.UTF_8));
            BigInteger value = new BigInteger(1, digest);
            BigInteger base = BigInteger.valueOf(ALPHABET.length());
            StringBuilder id = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                BigInteger[] divided = value.divideAndRemainder(base);
                id.append(ALPHABET.charAt(divided[1].intValue()));
                value = divided[0];
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
