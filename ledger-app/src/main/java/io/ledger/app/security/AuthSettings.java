package io.ledger.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.auth} (env {@code LEDGER_AUTH}): whether the ledger authenticates its callers itself.
 *
 * @param auth {@code jwt} (bearer tokens) or {@code none} (a gateway in front does it)
 */
@ConfigurationProperties("ledger")
record AuthSettings(@DefaultValue("jwt") Mode auth) {

    enum Mode {
        /** Every call but the public ones carries a bearer token. */
        JWT,
        /** No token is asked for; every call is the anonymous caller's, with every scope. */
        NONE
    }

    boolean off() {
        return auth == Mode.NONE;
    }
}
