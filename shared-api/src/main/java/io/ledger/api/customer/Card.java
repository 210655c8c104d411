package io.ledger.api.customer;

/** What may be shown of a saved card: its brand, last four digits and expiry (month 1 to 12, four-digit year). */
public record Card(String brand, String last4, int expMonth, int expYear) {}
