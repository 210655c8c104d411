package io.ledger.query.receipt;

import io.ledger.api.customer.CustomerKey;
import io.ledger.api.customer.CustomerRegistered;
import io.ledger.api.customer.CustomerUpdated;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer's email and name as its own stream last recorded them ({@code CustomerRegistered}, then each
 * {@code CustomerUpdated}), read from the event store when a receipt or an email needs them: customers have no read
 * model (docs/customers.md), and one indexed look-up per email costs less than keeping one.
 */
@Component
class StoredCustomerContacts implements CustomerContacts {

    private final JdbcClient jdbc;

    StoredCustomerContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Contact> find(String customerId) {
        return jdbc.sql("""
                        SELECT payload->>'email' AS email, payload->>'name' AS name
                          FROM domain_event_entry
                         WHERE aggregate_identifier = ? AND payload_type IN (?, ?)
                         ORDER BY sequence_number DESC
                         LIMIT 1
                        """)
                .param(CustomerKey.of(customerId).value())
                .param(CustomerRegistered.class.getName())
                .param(CustomerUpdated.class.getName())
                .query((row, n) -> new Contact(row.getString("email"), row.getString("name")))
                .optional();
    }
}
