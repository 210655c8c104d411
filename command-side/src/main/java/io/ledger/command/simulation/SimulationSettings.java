package io.ledger.command.simulation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.simulate.*} (env {@code LEDGER_SIMULATE_...}), bound and checked at start with the simulated provider
 * (no Stripe key). Whether {@code POST /api/payments/{id}/simulate} exists at all is its controller's condition, read
 * before anything is bound: a value that is no boolean is refused here first.
 *
 * @param enabled whether {@code POST /api/payments/{id}/simulate} answers ({@code LEDGER_SIMULATE_ENABLED})
 */
@ConfigurationProperties(SimulationSettings.PREFIX)
record SimulationSettings(@DefaultValue("true") boolean enabled) {

    static final String PREFIX = "ledger.simulate";
}
