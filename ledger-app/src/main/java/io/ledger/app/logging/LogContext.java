package io.ledger.app.logging;

import io.ledger.command.metadata.CommandMetadata;

/**
 * The keys of the logging context (SLF4J's MDC) that the ledger fills: the text format prints them on every line
 * ({@code logging.pattern.correlation}), the JSON format writes them as fields of each line's object.
 */
final class LogContext {

    /** The request being served ({@code X-Request-Id}), or, while an event is handled, the one that caused it. */
    static final String REQUEST_ID = CommandMetadata.REQUEST_ID_MDC_KEY;
    /** Who made that request: the token's subject. */
    static final String CALLER = "caller";

    private LogContext() {}
}
