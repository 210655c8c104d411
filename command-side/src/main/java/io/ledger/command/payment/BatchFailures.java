package io.ledger.command.payment;

import io.ledger.api.problem.InvalidField;
import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.Problem;
import io.ledger.api.problem.ProblemCode;
import io.ledger.api.problem.ServiceUnavailable;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a batch item's create failed with, as the problem a single create would have answered: a broken rule its own
 * problem, a lost race {@code concurrent_update}, anything else an internal error (logged). A failure of the database is
 * not an item's: the whole batch answers it.
 */
final class BatchFailures {

    private static final Logger log = LoggerFactory.getLogger(BatchFailures.class);

    private BatchFailures() {}

    /** The item's problem; the database's failure is thrown on, for the batch to answer. */
    static Problem problemOf(RuntimeException failure, int index, String path) {
        if (ServiceUnavailable.of(failure).isPresent()) {
            throw failure;
        }
        Throwable cause = unwrapped(failure);
        String prefix = "payments[" + index + "]";
        if (cause instanceof LedgerProblem problem) {
            return BatchItems.prefixed(Problem.of(problem, path), prefix);
        }
        if (cause instanceof ConcurrencyException) {
            return Problem.of(
                    ProblemCode.CONCURRENT_UPDATE, "Item " + index + ": the payment changed meanwhile; retry.", path);
        }
        log.error("batch item {} failed", index, failure);
        return Problem.of(ProblemCode.INTERNAL_ERROR, "Item " + index + " failed and was rolled back.", path);
    }

    /** The headers a failure's answer carries, such as a provider's {@code Retry-After}. */
    static Map<String, String> headersOf(RuntimeException failure) {
        return unwrapped(failure) instanceof LedgerProblem problem ? problem.headers() : Map.of();
    }

    private static Throwable unwrapped(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof HandlerExecutionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** An atomic batch's refusal: the first failing item's status and code; nothing of the batch was stored. */
    static final class AtomicBatchRefused extends LedgerProblem {

        private final Map<String, String> headers;

        AtomicBatchRefused(Problem first, List<InvalidField> errors, Map<String, String> headers) {
            super(ProblemCode.of(first.code()).orElse(ProblemCode.INTERNAL_ERROR), first.detail(), errors);
            this.headers = Map.copyOf(headers);
        }

        @Override
        public Map<String, String> headers() {
            return headers;
        }
    }
}
