package io.ledger.command.provider;

import io.ledger.api.customer.Card;

/** A payment method as the provider saved it for a customer: its own id, its type ({@code card}) and the card. */
public record SavedPaymentMethod(String id, String type, Card card) {}
