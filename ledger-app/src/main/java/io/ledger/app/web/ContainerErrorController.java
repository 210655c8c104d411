package io.ledger.app.web;

import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.Problem;
import io.ledger.api.problem.ProblemCode;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reached a controller (a filter failed, or the servlet container refused the request itself) come
 * to the container's error page: answered here, instead of Spring Boot's own error JSON, with the same problems as
 * {@link ProblemAdvice}, and the request's {@code X-Request-Id} even when the container refused it before the request-id
 * filter ran (a {@code TRACE}, say). Called directly, the error page is a path like any other that no endpoint answers.
 */
@Hidden
@RestController
class ContainerErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ContainerErrorController.class);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<Object> error(HttpServletRequest request, HttpServletResponse response) {
        if (!response.containsHeader(RequestIds.HEADER)) {
            response.setHeader(RequestIds.HEADER, RequestIds.of(request.getHeader(RequestIds.HEADER)));
        }
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(status instanceof Integer code)) {
            return ProblemAdvice.answer(
                    Problem.of(
                            ProblemCode.NOT_FOUND,
                            "No endpoint answers " + request.getMethod() + " " + request.getRequestURI() + ".",
                            request.getRequestURI()),
                    new HttpHeaders());
        }
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                ? uri
                : request.getRequestURI();
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof LedgerProblem problem) {
            return ProblemAdvice.answer(Problem.of(problem, path), ProblemAdvice.headersOf(problem));
        }
        if (failure instanceof Throwable thrown) {
            var database = ProblemAdvice.databaseFailure(thrown);
            if (database.isPresent()) {
                log.warn("request to {} failed: {}: {}", path, database.get().getMessage(), thrown.toString());
                return ProblemAdvice.answer(Problem.of(database.get(), path), ProblemAdvice.headersOf(database.get()));
            }
        }
        ProblemCode problemCode = ProblemCode.forStatus(code);
        String detail;
        if (code >= 500) {
            log.error("request to {} failed outside the controllers", path, failure instanceof Throwable t ? t : null);
            detail = "The ledger failed to handle the request.";
        } else {
            Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
            detail = message instanceof String text && !text.isBlank() ? text : "The request was refused.";
        }
        return ProblemAdvice.answer(Problem.of(problemCode, code, detail, path, List.of()), new HttpHeaders());
    }
}
