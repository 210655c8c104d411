package io.ledger.query.web;

import io.ledger.query.QuerySideConfiguration;
import io.ledger.query.ledger.AccountNotFound;
import io.ledger.query.payment.InvalidQueryParameter;
import io.ledger.query.payment.PaymentNotFound;
import io.ledger.query.projection.UnknownProjection;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the query side's exceptions into RFC 9457 problems with the contract's codes. */
@RestControllerAdvice(basePackageClasses = QuerySideConfiguration.class)
class QueryProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(QueryProblemAdvice.class);

    @ExceptionHandler(PaymentNotFound.class)
    ProblemDetail notFound(PaymentNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "payment_not_found", e.detail());
    }

    @ExceptionHandler(AccountNotFound.class)
    ProblemDetail accountNotFound(AccountNotFound e) {
        return problem(
                HttpStatus.NOT_FOUND, "account_not_found", "The chart of accounts has no account with this name.");
    }

    @ExceptionHandler(UnknownProjection.class)
    ProblemDetail unknownProjection(UnknownProjection e) {
        return problem(HttpStatus.NOT_FOUND, "projection_not_found", e.getMessage());
    }

    /** A request body that is not JSON, has unknown fields or values of the wrong type. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "validation_failed", "The request body is malformed.");
    }

    @ExceptionHandler(InvalidQueryParameter.class)
    ProblemDetail invalidParameter(InvalidQueryParameter e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation_failed", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.parameter(), "message", e.getMessage())));
        return problem;
    }

    /** The query bus completes futures exceptionally; answer for the cause. */
    @ExceptionHandler(CompletionException.class)
    ProblemDetail completion(CompletionException e) {
        if (e.getCause() instanceof InvalidQueryParameter invalid) {
            return invalidParameter(invalid);
        }
        if (e.getCause() instanceof PaymentNotFound notFound) {
            return notFound(notFound);
        }
        if (e.getCause() instanceof AccountNotFound notFound) {
            return accountNotFound(notFound);
        }
        log.error("query failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "The ledger failed to answer the query.");
    }

    static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + code));
        problem.setProperty("code", code);
        return problem;
    }
}
