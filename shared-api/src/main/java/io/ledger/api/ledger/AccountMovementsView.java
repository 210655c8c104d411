package io.ledger.api.ledger;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer to {@link FindAccountMovementsQuery}: every account of the chart, in its order, for each currency in
 * turn (currencies in alphabetical order), zeros included.
 */
public record AccountMovementsView(LocalDate from, LocalDate to, List<AccountMovementView> accounts) {

    public AccountMovementsView {
        accounts = List.copyOf(accounts);
    }
}
