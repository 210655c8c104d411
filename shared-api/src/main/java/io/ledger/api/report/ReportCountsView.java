package io.ledger.api.report;

/**
 * What happened in the period, each fact on the UTC day the ledger recorded it: {@code created} payments, {@code
 * succeeded} captures, {@code failed} charge attempts (a payment declined twice counts 2), {@code canceled} payments
 * (as the stats count them), and {@code disputes} opened.
 */
public record ReportCountsView(long created, long succeeded, long failed, long canceled, long disputes) {}
