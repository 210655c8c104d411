package io.ledger.app.web;

import io.ledger.api.problem.InvalidField;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What Spring MVC's refusal of a request says to the caller: a detail, and the fields (body fields, parameters,
 * headers) at fault. Only the request's own input is quoted, never a handler's signature or an exception's internals.
 */
final class FrameworkRefusals {

    private FrameworkRefusals() {}

    record Refusal(String detail, List<InvalidField> errors) {
        Refusal(String detail) {
            this(detail, List.of());
        }
    }

    static Refusal of(Exception e) {
        if (e instanceof NoResourceFoundException none) {
            return new Refusal("No endpoint answers " + none.getHttpMethod() + " /" + none.getResourcePath() + ".");
        }
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            return new Refusal("This path does not take " + method.getMethod() + "; it takes "
                    + method.getSupportedHttpMethods() + ".");
        }
        if (e instanceof MethodArgumentNotValidException invalid) {
            return invalidBody(invalid);
        }
        if (e instanceof HttpMessageNotReadableException unreadable) {
            return unreadableBody(unreadable);
        }
        if (e instanceof HandlerMethodValidationException invalid) {
            return invalidParameters(invalid);
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            return field(
                    missing.getParameterName(),
                    "is required",
                    "Parameter " + missing.getParameterName() + " is required.");
        }
        if (e instanceof MissingRequestHeaderException missing) {
            return field(missing.getHeaderName(), "is required", "Header " + missing.getHeaderName() + " is required.");
        }
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return field(mismatch.getName(), "has an invalid value", mismatch.getName() + " has an invalid value.");
        }
        if (e instanceof ErrorResponse framework && framework.getBody().getDetail() != null) {
            return new Refusal(framework.getBody().getDetail());
        }
        return new Refusal("The request was refused.");
    }

    private static Refusal invalidBody(MethodArgumentNotValidException e) {
        List<InvalidField> errors = e.getBindingResult().getAllErrors().stream()
                .map(error -> new InvalidField(
                        error instanceof FieldError field ? field.getField() : error.getObjectName(),
                        error.getDefaultMessage()))
                .toList();
        return new Refusal("The request has invalid fields.", errors);
    }

    private static Refusal invalidParameters(HandlerMethodValidationException e) {
        List<InvalidField> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new InvalidField(
                                String.valueOf(result.getMethodParameter().getParameterName()),
                                error.getDefaultMessage())))
                .toList();
        return new Refusal("The request has invalid parameters.", errors);
    }

    private static Refusal unreadableBody(HttpMessageNotReadableException e) {
        Throwable cause = jacksonCause(e);
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return field(unknown.getPropertyName(), "unknown field", "Unknown field: " + unknown.getPropertyName());
        }
        if (cause instanceof JacksonException mismatch && !mismatch.getPath().isEmpty()) {
            // Any Jackson error that knows its field: a wrong type (databind) or a number too big for a long (parser).
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return field(field, "has the wrong type or format", "Field " + field + " has the wrong type or format.");
        }
        return new Refusal("The request body is not valid JSON of the expected shape.");
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

    private static Refusal field(String field, String message, String detail) {
        return new Refusal(detail, List.of(new InvalidField(field, message)));
    }
}
