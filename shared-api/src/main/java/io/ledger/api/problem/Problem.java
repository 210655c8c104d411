package io.ledger.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The body of every error the ledger answers, as {@code application/problem+json} (RFC 9457): {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance} (the path called), the stable {@code code}, and for
 * {@code validation_failed} always an {@code errors} list (empty when no field can be named). Built only here, so a
 * problem looks the same whoever writes it: the web advice, the security filters or the idempotency filter.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "code", "errors"})
public record Problem(
        String type, String title, int status, String detail, String instance, String code, List<InvalidField> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The problem of a code at its own status. */
    public static Problem of(ProblemCode code, String detail, String instance) {
        return of(code, code.status(), detail, instance, List.of());
    }

    /** The problem a rule exception stands for. */
    public static Problem of(LedgerProblem problem, String instance) {
        return of(problem.code(), problem.code().status(), problem.detail(), instance, problem.errors());
    }

    /**
     * A problem at a status of its own: a framework refusal of the request's form is {@code validation_failed} at 415
     * or 406, say.
     */
    public static Problem of(ProblemCode code, int status, String detail, String instance, List<InvalidField> errors) {
        List<InvalidField> fields =
                code == ProblemCode.VALIDATION_FAILED || !errors.isEmpty() ? List.copyOf(errors) : null;
        return new Problem(code.type(), code.title(), status, detail, instance, code.code(), fields);
    }
}
