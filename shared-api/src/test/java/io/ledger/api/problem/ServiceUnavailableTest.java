package io.ledger.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceUnavailableTest {

    /** As Spring and Axon wrap a JDBC failure: a runtime exception or two around it. */
    private static RuntimeException wrapped(SQLException e) {
        return new IllegalStateException("Could not open JPA EntityManager for transaction", new RuntimeException(e));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "08001", // the driver could not connect
                "08006", // the connection broke (an I/O error)
                "08003", // the connection is closed
                "53300", // too many connections
                "57P01", // the server is shutting down (admin shutdown)
                "57P03", // the server is starting
                "57014" // the statement timeout canceled the statement
            })
    void aStateThatSaysTheDatabaseFailedIsServiceUnavailable(String state) {
        assertThat(ServiceUnavailable.of(wrapped(new SQLException("failed", state))))
                .hasValueSatisfying(problem -> {
                    assertThat(problem.code()).isEqualTo(ProblemCode.SERVICE_UNAVAILABLE);
                    assertThat(problem.code().status()).isEqualTo(503);
                    assertThat(problem.headers()).containsEntry("Retry-After", "5");
                    assertThat(problem.detail()).doesNotContain(state).contains("Idempotency-Key");
                    assertThat(problem.getCause()).isNull();
                });
    }

    @Test
    void jdbcsConnectionExceptionsAreServiceUnavailableWhateverTheirState() {
        // Hikari's "Connection is not available, request timed out after 2000ms" carries no state of PostgreSQL's.
        assertThat(ServiceUnavailable.of(wrapped(new SQLTransientConnectionException("pool timed out"))))
                .isPresent();
        assertThat(ServiceUnavailable.of(wrapped(new SQLNonTransientConnectionException("closed"))))
                .isPresent();
        assertThat(ServiceUnavailable.of(wrapped(new SQLRecoverableException("reset"))))
                .isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "23505", // a unique violation: a race the caller may retry, not an outage
                "40001", // a serialization failure
                "22P02" // an invalid text representation
            })
    void otherDatabaseErrorsAreNot(String state) {
        assertThat(ServiceUnavailable.of(wrapped(new SQLException("failed", state))))
                .isEmpty();
        assertThat(ServiceUnavailable.of(new SQLIntegrityConstraintViolationException("dup", state)))
                .isEmpty();
    }

    @Test
    void failuresWithoutADatabaseCauseAreNot() {
        assertThat(ServiceUnavailable.of(new IllegalStateException("bug"))).isEmpty();
        assertThat(ServiceUnavailable.of(new SQLException("no state"))).isEmpty();
    }

    @Test
    void aCauseChainWithACycleEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(ServiceUnavailable.of(first)).isEmpty();
    }
}
