package io.ledger.app.security;

import io.ledger.api.problem.Problem;
import io.ledger.api.problem.ProblemCode;
import io.ledger.api.problem.ServiceUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security filters' refusals as RFC 9457 problems with the contract's codes: the same {@link Problem} the web advice
 * answers, so a refusal looks like every other error.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    /** As long as one attempt to reach the issuer may take (IssuerTokens.ISSUER_TIMEOUT). */
    private static final String ISSUER_RETRY_AFTER_SECONDS = "5";

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    /**
     * 401: no token, or one that is not valid (RFC 6750 says which in {@code WWW-Authenticate}); 503 for a token whose
     * issuer's keys could not be fetched to check it.
     */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure.getCause() instanceof IssuerReachability.IssuerUnavailable unchecked) {
            // Not the token's fault, so not a 401 (a client would fetch a new token for nothing): retry the call.
            response.setHeader(HttpHeaders.RETRY_AFTER, ISSUER_RETRY_AFTER_SECONDS);
            write(request, response, ProblemCode.SERVICE_UNAVAILABLE, unchecked.getMessage());
            return;
        }
        boolean invalid = failure instanceof InvalidBearerTokenException;
        response.setHeader(
                HttpHeaders.WWW_AUTHENTICATE, invalid ? "Bearer error=\"invalid_token\"" : "Bearer realm=\"ledger\"");
        write(
                request,
                response,
                ProblemCode.UNAUTHORIZED,
                invalid
                        ? "The bearer token is not valid: " + failure.getMessage()
                        : "This call needs a bearer token: Authorization: Bearer <token>.");
    }

    /** 403: a valid token whose scopes do not cover the call. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String scope = Scopes.required(request);
        response.setHeader(
                HttpHeaders.WWW_AUTHENTICATE,
                "Bearer error=\"insufficient_scope\"" + (scope == null ? "" : ", scope=\"" + scope + "\""));
        write(
                request,
                response,
                ProblemCode.FORBIDDEN,
                scope == null
                        ? "The bearer token does not allow this call."
                        : "The bearer token grants none of the scopes that allow this call: " + scope + ".");
    }

    /** 400: Spring Security's firewall refused the URL (an encoded slash or semicolon, say) before any filter ran. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        write(
                request,
                response,
                ProblemCode.VALIDATION_FAILED,
                "The request URL is not acceptable: " + rejected.getMessage());
    }

    /** 403: a browser page of an origin {@code LEDGER_CORS_ALLOWED_ORIGINS} does not list. */
    void crossOriginRefused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(
                request,
                response,
                ProblemCode.FORBIDDEN,
                "Pages of this origin may not call the API (LEDGER_CORS_ALLOWED_ORIGINS does not allow it, or not"
                        + " with this method or these headers).");
    }

    /** 429: the caller went over its requests per second. */
    void rateLimited(HttpServletRequest request, HttpServletResponse response, int perSecond) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        write(
                request,
                response,
                ProblemCode.RATE_LIMITED,
                "Too many requests: each caller may make " + perSecond + " a second. Retry after a second.");
    }

    /** The database could not serve the call (503, with its {@code Retry-After}); nothing was done. */
    void databaseUnavailable(HttpServletRequest request, HttpServletResponse response, ServiceUnavailable problem)
            throws IOException {
        problem.headers().forEach(response::setHeader);
        response.setStatus(problem.code().status());
        response.setContentType(Problem.MEDIA_TYPE);
        json.writeValue(response.getOutputStream(), Problem.of(problem, request.getRequestURI()));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemCode code, String detail)
            throws IOException {
        response.setStatus(code.status());
        response.setContentType(Problem.MEDIA_TYPE);
        json.writeValue(response.getOutputStream(), Problem.of(code, detail, request.getRequestURI()));
    }
}
