package io.ledger.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures the advice answers as 503 {@code service_unavailable}: see {@link ProblemAdvice#databaseFailure}. */
class DatabaseFailureTest {

    @Test
    void aConnectionThePoolCouldNotGiveIsTheDatabasesFailure() {
        assertThat(ProblemAdvice.databaseFailure(new CannotGetJdbcConnectionException(
                        "Failed to obtain JDBC Connection",
                        new java.sql.SQLTransientConnectionException("request timed out after 2000ms"))))
                .isPresent();
    }

    @Test
    void aStatementThatFailedWithTheConnectionIsFoundBehindTheRollbackThatFailedAfterIt() {
        // The pool closes a connection whose statement failed with it; the rollback on it then fails with no state.
        TransactionSystemException rollback =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));

        assertThat(ProblemAdvice.databaseFailure(rollback)).isPresent();
    }

    @Test
    void aCommitOrRollbackThatFailedIsTheDatabasesFailureWhateverItSays() {
        assertThat(ProblemAdvice.databaseFailure(new TransactionSystemException(
                        "JDBC rollback failed", new SQLException("Connection is closed"))))
                .isPresent();
        assertThat(ProblemAdvice.databaseFailure(new TransactionSystemException("JDBC commit failed")))
                .isPresent();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(ProblemAdvice.databaseFailure(new IllegalStateException("a bug")))
                .isEmpty();
        assertThat(ProblemAdvice.databaseFailure(new IllegalStateException("a bug", new SQLException("dup", "23505"))))
                .isEmpty();
    }
}
