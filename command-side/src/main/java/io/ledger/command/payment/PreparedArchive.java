package io.ledger.command.payment;

import io.ledger.command.provider.CancelRequest;
import java.util.Optional;

/** An archive the payment decided to take: canceled at the provider first unless it is canceled already. */
record PreparedArchive(Optional<CancelRequest> cancel) {}
