package io.ledger.command.payment;

import io.ledger.api.money.InvalidMoney;
import io.ledger.command.provider.ProviderUnavailable;
import io.ledger.command.provider.UnknownPaymentMethod;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns the command side's exceptions into RFC 9457 problems with the contract's codes. */
@RestControllerAdvice(basePackageClasses = PaymentController.class)
class CommandProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandProblemAdvice.class);

    @ExceptionHandler({PaymentNotFound.class, AggregateNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "payment_not_found", "No payment has this id.");
    }

    @ExceptionHandler(IllegalPaymentTransition.class)
    ProblemDetail illegalTransition(IllegalPaymentTransition e) {
        return problem(HttpStatus.CONFLICT, "invalid_state_transition", e.getMessage());
    }

    @ExceptionHandler(RefundExceedsAvailableAmount.class)
    ProblemDetail refundExceeds(RefundExceedsAvailableAmount e) {
        return problem(HttpStatus.CONFLICT, "refund_exceeds_available", e.getMessage());
    }

    @ExceptionHandler(CurrencyMismatch.class)
    ProblemDetail currencyMismatch(CurrencyMismatch e) {
        return problem(HttpStatus.CONFLICT, "currency_mismatch", e.getMessage());
    }

    /** Two writers raced for the same payment; the loser changed nothing and may retry. */
    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentUpdate(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "concurrent_update", "The payment changed meanwhile; retry the request.");
    }

    @ExceptionHandler(InvalidMoney.class)
    ProblemDetail invalidMoney(InvalidMoney e) {
        return invalid(e.field(), e.getMessage());
    }

    @ExceptionHandler(PaymentMethodRequired.class)
    ProblemDetail paymentMethodRequired(PaymentMethodRequired e) {
        return invalid("paymentMethod", e.getMessage());
    }

    @ExceptionHandler(UnknownPaymentMethod.class)
    ProblemDetail unknownPaymentMethod(UnknownPaymentMethod e) {
        return invalid("paymentMethod", e.getMessage());
    }

    @ExceptionHandler(SettlementDoesNotAddUp.class)
    ProblemDetail settlementDoesNotAddUp(SettlementDoesNotAddUp e) {
        return invalid("grossAmount", e.getMessage());
    }

    @ExceptionHandler(SettlementTimeOutOfRange.class)
    ProblemDetail settlementTimeOutOfRange(SettlementTimeOutOfRange e) {
        return invalid("settledAt", e.getMessage());
    }

    /**
     * The provider could not be reached after every retry, or its circuit breaker is open: nothing was recorded, and
     * the same request (with the same Idempotency-Key) may be sent again later.
     */
    @ExceptionHandler(ProviderUnavailable.class)
    ResponseEntity<ProblemDetail> providerUnavailable(ProviderUnavailable e) {
        log.warn("{}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "30")
                .body(problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "provider_unavailable",
                        "The payment provider is unavailable; nothing was recorded. Retry later with the same"
                                + " Idempotency-Key."));
    }

    /** Anything unforeseen: logged in full for operators, a problem without internals for the client. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "The ledger failed to handle the request.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getAllErrors().stream()
                .map(error -> fieldError(
                        error instanceof FieldError field ? field.getField() : error.getObjectName(),
                        error.getDefaultMessage()))
                .collect(Collectors.toList());
        return ResponseEntity.badRequest().body(validationFailed("The request has invalid fields.", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = jacksonCause(e);
        List<Map<String, String>> errors = List.of();
        String detail = "The request body is not valid JSON of the expected shape.";
        if (cause instanceof UnrecognizedPropertyException unknown) {
            errors = List.of(fieldError(unknown.getPropertyName(), "unknown field"));
            detail = "Unknown field: " + unknown.getPropertyName();
        } else if (cause instanceof JacksonException mismatch
                && !mismatch.getPath().isEmpty()) {
            // Any Jackson error that knows its field: a wrong type (databind) or a number too big for a long (parser).
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            errors = List.of(fieldError(field, "has the wrong type or format"));
            detail = "Field " + field + " has the wrong type or format.";
        }
        return ResponseEntity.badRequest().body(validationFailed(detail, errors));
    }

    /**
     * Jackson's own exception, which knows the field, rather than the most specific cause: a value Jackson could not
     * convert ({@code "settledAt": "yesterday"}) is caused in turn by the converter's exception, which does not.
     */
    private static Throwable jacksonCause(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException) {
                return cause;
            }
        }
        return e.getMostSpecificCause();
    }

    /** Every other framework error (wrong media type, method, ...) gets a code too. */
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

    private static ProblemDetail invalid(String field, String message) {
        return validationFailed(message, List.of(fieldError(field, message)));
    }

    private static ProblemDetail validationFailed(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation_failed", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message == null ? "is invalid" : message);
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + code));
        problem.setProperty("code", code);
        return problem;
    }
}
