package io.ledger.app.security;

import io.ledger.api.problem.ServiceUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most so many API calls a second per caller (the token's subject; callers without a token share one limit), as
 * Stripe limits each account. Runs after authorization, so refused calls do not count, and before idempotency, so a
 * limited call stores nothing. Stripe's webhooks are not limited: Stripe paces its own deliveries. Where the calls are
 * counted is {@link CallerLimits}'s: in this node's memory, or across a cluster's nodes in PostgreSQL (then a database
 * that cannot answer makes the call a 503 {@code service_unavailable}, as every call that needs it).
 */
final class CallerRateLimitFilter extends OncePerRequestFilter {

    static final String ANONYMOUS = "anonymous";

    private static final Logger log = LoggerFactory.getLogger(CallerRateLimitFilter.class);

    private final CallerLimits limits;
    private final int perSecond;
    private final ProblemResponses problems;

    CallerRateLimitFilter(CallerLimits limits, int perSecond, ProblemResponses problems) {
        this.limits = limits;
        this.perSecond = perSecond;
        this.problems = problems;
    }

    /** Matched as the security rules and Spring MVC match (decoded, normalized paths), so no spelling escapes it. */
    private static final RequestMatcher LIMITED = new AndRequestMatcher(
            PathPatternRequestMatcher.pathPattern("/api/**"),
            new NegatedRequestMatcher(
                    PathPatternRequestMatcher.pathPattern(HttpMethod.POST, SecurityConfiguration.STRIPE_WEBHOOKS)));

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !LIMITED.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Principal caller = request.getUserPrincipal();
        String name = caller == null ? ANONYMOUS : caller.getName();
        boolean permitted;
        try {
            permitted = limits.tryAcquire(name);
        } catch (RuntimeException e) {
            Optional<ServiceUnavailable> database = ServiceUnavailable.of(e);
            if (database.isEmpty()) {
                throw e;
            }
            log.warn("database unavailable: the caller's rate limit could not be counted: {}", e.toString());
            problems.databaseUnavailable(request, response, database.get());
            return;
        }
        if (permitted) {
            chain.doFilter(request, response);
        } else {
            problems.rateLimited(request, response, perSecond);
        }
    }
}
