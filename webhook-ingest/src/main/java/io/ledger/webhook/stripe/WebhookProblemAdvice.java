package io.ledger.webhook.stripe;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns the webhook module's exceptions into RFC 9457 problems with the contract's codes. Ordered first and limited to
 * this package, so no other module's advice answers for the webhook endpoints.
 */
@RestControllerAdvice(basePackageClasses = StripeWebhookController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebhookProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(WebhookProblemAdvice.class);

    @ExceptionHandler(InvalidSignature.class)
    ProblemDetail invalidSignature(InvalidSignature e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid_signature", e.getMessage());
    }

    @ExceptionHandler(NotAStripeEvent.class)
    ProblemDetail notAStripeEvent(NotAStripeEvent e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation_failed", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(InvalidParameter.class)
    ProblemDetail invalidParameter(InvalidParameter e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation_failed", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(BodyTooLarge.class)
    ProblemDetail bodyTooLarge(BodyTooLarge e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", e.getMessage());
    }

    @ExceptionHandler(WebhookEventNotFound.class)
    ProblemDetail notFound(WebhookEventNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "webhook_event_not_found", e.getMessage());
    }

    @ExceptionHandler(NotADeadLetter.class)
    ProblemDetail notADeadLetter(NotADeadLetter e) {
        return problem(HttpStatus.CONFLICT, "invalid_state_transition", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure receiving a webhook", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "The ledger failed to handle the request.");
    }

    /** Framework errors (wrong method, ...) get a code too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null
                && response.getBody() instanceof ProblemDetail problem
                && problem.getProperties() == null) {
            String code = status.is4xxClientError() ? "validation_failed" : "internal_error";
            problem.setType(URI.create("/problems/" + code));
            problem.setProperty("code", code);
        }
        return response;
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + code));
        problem.setProperty("code", code);
        return problem;
    }
}
