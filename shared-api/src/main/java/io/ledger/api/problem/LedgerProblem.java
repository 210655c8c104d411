package io.ledger.api.problem;

import java.util.List;
import java.util.Map;

/**
 * A broken rule that is the request's to fix (or, at 5xx, to retry), carrying its problem code: every module's rule
 * exceptions extend it, and the application turns any of them into the same RFC 9457 problem. The message is the
 * problem's {@code detail} unless a subclass says otherwise; it must hold nothing a caller may not see.
 */
public abstract class LedgerProblem extends RuntimeException {

    private final ProblemCode code;
    private final List<InvalidField> errors;

    protected LedgerProblem(ProblemCode code, String message) {
        this(code, message, List.of());
    }

    protected LedgerProblem(ProblemCode code, String message, List<InvalidField> errors) {
        super(message);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    /** A {@code validation_failed} problem naming the one field at fault, with the message as its detail. */
    protected LedgerProblem(String field, String message) {
        this(ProblemCode.VALIDATION_FAILED, message, List.of(new InvalidField(field, message)));
    }

    /**
     * Without a stack trace or suppressed exceptions: for problems that must never carry a cause (a provider's
     * message may quote a key) and are expected often enough that the trace is noise.
     */
    protected LedgerProblem(ProblemCode code, String message, boolean writableStackTrace) {
        super(message, null, false, writableStackTrace);
        this.code = code;
        this.errors = List.of();
    }

    public ProblemCode code() {
        return code;
    }

    /** What the problem's {@code detail} says. */
    public String detail() {
        return getMessage();
    }

    /** The fields at fault, for {@code validation_failed}; empty otherwise. */
    public List<InvalidField> errors() {
        return errors;
    }

    /** Headers the answer carries besides the problem, such as {@code Retry-After}. */
    public Map<String, String> headers() {
        return Map.of();
    }
}
