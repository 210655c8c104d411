package io.ledger.app.cluster;

import io.ledger.api.problem.InvalidField;
import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * How a command handled on another node failed, as the dispatching node needs it to answer the request as if the
 * command had run there: the details of the {@code CommandExecutionException} the handling node replies with
 * (Axon's way of carrying a failure's meaning between nodes; the exception itself travels only as class names and
 * messages). Serialized with the messages' serializer (Jackson 3).
 *
 * @param kind which failure this was
 * @param code a rule's problem code ({@link Kind#PROBLEM})
 * @param message the exception's message, for the dispatching node's log and Axon's own failures
 * @param detail the problem's {@code detail}, as the rule's exception says it
 * @param errors the fields at fault, for {@code validation_failed}
 * @param headers the headers the problem's answer carries ({@code Retry-After})
 */
public record RemoteFailure(
        Kind kind,
        ProblemCode code,
        String message,
        String detail,
        List<InvalidField> errors,
        Map<String, String> headers) {

    /** The failures a request answers for in its own way; any other is the handling node's to log, and a 500. */
    public enum Kind {
        /** A broken rule, or the database failing ({@code service_unavailable}): a {@link LedgerProblem}. */
        PROBLEM,
        /** Axon found no events for the payment: answered {@code payment_not_found}. */
        AGGREGATE_NOT_FOUND,
        /** Another writer appended to the payment first: answered {@code concurrent_update}, or retried. */
        CONCURRENT_UPDATE
    }

    public RemoteFailure {
        errors = errors == null ? List.of() : List.copyOf(errors);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    static RemoteFailure of(LedgerProblem problem) {
        return new RemoteFailure(
                Kind.PROBLEM,
                problem.code(),
                problem.getMessage(),
                problem.detail(),
                problem.errors(),
                problem.headers());
    }

    static RemoteFailure notFound(AggregateNotFoundException e) {
        return new RemoteFailure(Kind.AGGREGATE_NOT_FOUND, null, e.getMessage(), null, null, null);
    }

    static RemoteFailure concurrentUpdate(ConcurrencyException e) {
        return new RemoteFailure(Kind.CONCURRENT_UPDATE, null, e.getMessage(), null, null, null);
    }

    /** The exception the command would have failed with here. */
    RuntimeException toException() {
        return switch (kind) {
            case PROBLEM -> new ForwardedProblem(this);
            case AGGREGATE_NOT_FOUND -> new AggregateNotFoundException(null, message);
            case CONCURRENT_UPDATE -> new ConcurrencyException(message);
        };
    }
}
