package io.ledger.api.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The identifier of a customer's event stream: {@code cust_} and 24 base-62 characters of SHA-256 over the customer's
 * id. A customer's id is the client's (any text up to 255 characters, a token's subject for {@code customers:own}), so
 * it is not used as the stream's id itself: the key has a fixed length, never meets a payment's {@code pay_...} id in
 * the event store, and is what the provider's idempotency keys for the customer are derived from.
 */
public record CustomerKey(@JsonValue String value) {

    public static final String PREFIX = "cust_";

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int LENGTH = 24;

    public CustomerKey {
        if (value == null || !value.startsWith(PREFIX) || value.length() != PREFIX.length() + LENGTH) {
            throw new IllegalArgumentException("not a customer key: " + value);
        }
    }

    @JsonCreator
    public static CustomerKey parse(String value) {
        return new CustomerKey(value);
    }

    /** The key of the customer with this id. */
    public static CustomerKey of(String customerId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("customer\n" + customerId).getBytes(StandardCharsets.UTF_8));
            BigInteger number = new BigInteger(1, digest);
            BigInteger base = BigInteger.valueOf(ALPHABET.length());
            StringBuilder key = new StringBuilder(PREFIX);
            for (int i = 0; i < LENGTH; i++) {
                BigInteger[] divided = number.divideAndRemainder(base);
                key.append(ALPHABET.charAt(divided[1].intValue()));
                number = divided[0];
            }
            return new CustomerKey(key.toString());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raw key: Axon uses it as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
