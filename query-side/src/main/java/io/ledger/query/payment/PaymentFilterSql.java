package io.ledger.query.payment;

import io.ledger.api.payment.PaymentFilter;
import io.ledger.api.payment.PaymentStatus;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The WHERE clause of a payment filter, for the list and the export alike. */
record PaymentFilterSql(String where, Map<String, Object> params) {

    static PaymentFilterSql of(PaymentFilter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!filter.includeArchived()) {
            conditions.add("NOT archived");
        }
        if (!filter.statuses().isEmpty()) {
            conditions.add("status IN (:statuses)");
            params.put(
                    "statuses",
                    filter.statuses().stream().map(PaymentStatus::code).toList());
        }
        if (filter.customerId() != null) {
            conditions.add("customer_id = :customerId");
            params.put("customerId", filter.customerId());
        }
        if (filter.onlyCustomer() != null) {
            // Beside the customerId filter, not instead of it: asking for another customer finds nothing.
            conditions.add("customer_id = :onlyCustomer");
            params.put("onlyCustomer", filter.onlyCustomer());
        }
        if (filter.orderId() != null) {
            conditions.add("order_id = :orderId");
            params.put("orderId", filter.orderId());
        }
        if (filter.provider() != null) {
            conditions.add("provider = :provider");
            params.put("provider", filter.provider().code());
        }
        if (filter.currency() != null) {
            conditions.add("currency = :currency");
            params.put("currency", filter.currency().toLowerCase(Locale.ROOT));
        }
        if (filter.createdFrom() != null) {
            conditions.add("created_at >= :createdFrom");
            params.put("createdFrom", filter.createdFrom().atOffset(ZoneOffset.UTC));
        }
        if (filter.createdTo() != null) {
            conditions.add("created_at < :createdTo");
            params.put("createdTo", filter.createdTo().atOffset(ZoneOffset.UTC));
        }
        if (filter.minAmount() != null) {
            conditions.add("amount >= :minAmount");
            params.put("minAmount", filter.minAmount());
        }
        if (filter.maxAmount() != null) {
            conditions.add("amount <= :maxAmount");
            params.put("maxAmount", filter.maxAmount());
        }
        if (filter.q() != null) {
            conditions.add(
                    "(payment_id = :q OR order_id = :q OR provider_payment_id = :q OR description ILIKE :qLike)");
            params.put("q", filter.q());
            params.put(
                    "qLike",
                    "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return new PaymentFilterSql(conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions), params);
    }
}
