package io.ledger.app.web;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problems for requests no endpoint takes: a path nothing answers (404 {@code not_found}) or a method the path does not
 * take (405 {@code method_not_allowed}). Each side's own advice answers for its endpoints; these requests reach no
 * endpoint, so only an advice for every package sees them.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RouteProblemAdvice {

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noRoute(NoResourceFoundException e) {
        return problem(
                HttpStatus.NOT_FOUND,
                "not_found",
                "No endpoint answers " + e.getHttpMethod() + " /" + e.getResourcePath() + ".");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException e) {
        HttpHeaders headers = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .headers(headers)
                .body(problem(
                        HttpStatus.METHOD_NOT_ALLOWED,
                        "method_not_allowed",
                        "This path does not take " + e.getMethod() + "; it takes " + e.getSupportedHttpMethods()
                                + "."));
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + code));
        problem.setProperty("code", code);
        return problem;
    }
}
