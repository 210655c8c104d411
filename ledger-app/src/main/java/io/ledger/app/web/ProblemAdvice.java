package io.ledger.app.web;

import io.ledger.api.problem.InvalidField;
import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.Problem;
import io.ledger.api.problem.ProblemCode;
import io.ledger.api.problem.ServiceUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place that turns an exception of any module into an RFC 9457 problem: every rule exception carries its
 * {@link ProblemCode}; Axon's wrappers answer for their cause; Spring MVC's own refusals (an unreadable body, a wrong
 * media type, a missing parameter, no route, a wrong method) are read by {@link FrameworkRefusals}; a failure of the
 * database (unreachable, restarting, out of connections, a statement timed out), whoever wrapped it, is a 503
 * {@code service_unavailable} with {@code Retry-After} ({@link ServiceUnavailable}); anything else is a 500
 * {@code internal_error}, logged in full and answered without internals. Public for the web slice tests of the
 * sides, which import it.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> failed(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted()) {
            log.warn("failure after the answer was committed: {}", e.toString());
            return null;
        }
        Throwable failure = unwrapped(e);
        String path = request.getRequestURI();
        Optional<ServiceUnavailable> database = databaseFailure(e);
        if (database.isPresent() && !(failure instanceof LedgerProblem)) {
            log.warn("{}: {}", database.get().getMessage(), e.toString());
            failure = database.get();
        }
        if (failure instanceof LedgerProblem problem) {
            if (problem.code().status() >= 500) {
                log.warn("{}", problem.getMessage());
            }
            return answer(Problem.of(problem, path), headersOf(problem));
        }
        if (failure instanceof AggregateNotFoundException) {
            return answer(Problem.of(ProblemCode.PAYMENT_NOT_FOUND, "No payment has this id.", path));
        }
        if (failure instanceof ConcurrencyException) {
            // Two writers raced for the same payment; the loser changed nothing and may retry.
            return answer(Problem.of(
                    ProblemCode.CONCURRENT_UPDATE, "The payment changed meanwhile; retry the request.", path));
        }
        if (failure instanceof RequestRejectedException) {
            // Spring Security's firewall checks header values when they are read: a controller (springdoc's, say)
            // that reads all headers meets a refused one here, past the firewall's own handler (found by HttpFuzzIT).
            return answer(Problem.of(
                    ProblemCode.VALIDATION_FAILED,
                    "The request's headers are not acceptable: a value holds characters the ledger does not take.",
                    path));
        }
        if (failure instanceof InvalidParameterException) {
            // Tomcat could not read the query string (a % that starts no escape, say): the request's to fix.
            return answer(Problem.of(
                    ProblemCode.VALIDATION_FAILED, "The query string is not valid percent-encoded UTF-8.", path));
        }
        log.error("unexpected failure", e);
        return answer(Problem.of(ProblemCode.INTERNAL_ERROR, "The ledger failed to handle the request.", path));
    }

    /** Spring MVC's refusals, each already resolved to its status and headers (Allow, Accept) by the superclass. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ServletWebRequest servlet = (ServletWebRequest) request;
        if (servlet.getResponse() != null && servlet.getResponse().isCommitted()) {
            // A live feed that timed out, say: its answer is under way and cannot become a problem.
            log.debug("refusal after the answer was committed: {}", e.toString());
            return null;
        }
        ProblemCode code = ProblemCode.forStatus(status.value());
        String detail;
        List<InvalidField> errors = List.of();
        if (status.is5xxServerError()) {
            log.error("the web framework failed to handle the request", e);
            detail = "The ledger failed to handle the request.";
        } else {
            FrameworkRefusals.Refusal refusal = FrameworkRefusals.of(e);
            detail = refusal.detail();
            errors = refusal.errors();
        }
        return answer(
                Problem.of(code, status.value(), detail, servlet.getRequest().getRequestURI(), errors), headers);
    }

    /**
     * A failure of the database, also when it shows only as a transaction that could not be committed or rolled back.
     * Also read where a command handled for another node fails, so that node answers as this one would.
     */
    public static Optional<ServiceUnavailable> databaseFailure(Throwable e) {
        Optional<ServiceUnavailable> database = ServiceUnavailable.of(e);
        if (database.isEmpty() && e instanceof TransactionSystemException transaction) {
            // A commit or rollback fails only with its connection. The pool replaces a connection that failed a
            // statement by a closed one, so the rollback after it fails without a state of PostgreSQL's.
            return transaction.getApplicationException() != null
                            && ServiceUnavailable.of(transaction.getApplicationException())
                                    .isPresent()
                    ? ServiceUnavailable.of(transaction.getApplicationException())
                    : Optional.of(ServiceUnavailable.because(
                            transaction.getMessage() + ": " + transaction.getMostSpecificCause()));
        }
        return database;
    }

    /** The headers a problem asks for, such as {@code Retry-After}. */
    static HttpHeaders headersOf(LedgerProblem problem) {
        HttpHeaders headers = new HttpHeaders();
        problem.headers().forEach(headers::set);
        return headers;
    }

    private static ResponseEntity<Object> answer(Problem problem) {
        return answer(problem, new HttpHeaders());
    }

    static ResponseEntity<Object> answer(Problem problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.status())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The failure a wrapper stands for: the query bus's futures and Axon's execution exceptions carry it as cause. */
    public static Throwable unwrapped(Throwable e) {
        Throwable failure = e;
        while ((failure instanceof CompletionException
                        || failure instanceof ExecutionException
                        || failure instanceof HandlerExecutionException)
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }
}
