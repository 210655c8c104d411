package io.ledger.command.checkout;

import java.time.Instant;

/**
 * A checkout session as clients see it: its payment, where the customer pays, {@code open}, {@code complete} (paid, or
 * being paid asynchronously) or {@code expired}, and until when it can be paid.
 */
record CheckoutSessionResource(String id, String paymentId, String url, String status, Instant expiresAt) {}
