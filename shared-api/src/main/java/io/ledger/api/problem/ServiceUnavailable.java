package io.ledger.api.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ledger's own database cannot serve the request: unreachable, restarting, out of connections or too slow (a
 * statement timed out). Nothing the request did was kept, so it may be retried with the same Idempotency-Key once the
 * database is back (503, {@code Retry-After}). Recognized from the failure's causes, whoever wrapped them (Spring's
 * {@code CannotGetJdbcConnectionException} or {@code CannotCreateTransactionException}, Axon's event store and query
 * exceptions): a JDBC connection exception, or a PostgreSQL SQLSTATE that says the same. Carries no cause, so no SQL,
 * host or credentials reach the caller.
 */
public final class ServiceUnavailable extends LedgerProblem {

    /** Seconds a client waits before retrying: a restart takes a few. */
    static final String RETRY_AFTER_SECONDS = "5";

    /**
     * SQLSTATE classes and codes that mean the database, not the request, failed: connection exceptions (08),
     * insufficient resources such as too many connections (53), a server shutting down or starting (57P01, 57P02,
     * 57P03), a statement canceled by the statement timeout (57014).
     */
    private static final Set<String> STATE_CLASSES = Set.of("08", "53");

    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "57014");

    private ServiceUnavailable(String reason) {
        super(ProblemCode.SERVICE_UNAVAILABLE, "database unavailable: " + reason, false);
    }

    /**
     * The database failed in a way only the caller can tell (a transaction's commit or rollback failed with its
     * connection); {@code reason} is for the operators' log.
     */
    public static ServiceUnavailable because(String reason) {
        return new ServiceUnavailable(reason);
    }

    /** The problem {@code failure} stands for, when one of its causes says the database failed. */
    public static Optional<ServiceUnavailable> of(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && databaseFailed(sql)) {
                return Optional.of(
                        new ServiceUnavailable(sql.getClass().getSimpleName() + " SQLSTATE " + sql.getSQLState()));
            }
        }
        return Optional.empty();
    }

    private static boolean databaseFailed(SQLException e) {
        if (e instanceof SQLTransientConnectionException
                || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        return state != null
                && (STATES.contains(state) || (state.length() >= 2 && STATE_CLASSES.contains(state.substring(0, 2))));
    }

    @Override
    public String detail() {
        return "The ledger's database is unavailable; nothing was recorded. Retry after Retry-After seconds with the"
                + " same Idempotency-Key.";
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", RETRY_AFTER_SECONDS);
    }
}
