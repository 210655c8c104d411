package io.ledger.app.security;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most so many API calls a second per caller (the token's subject; callers without a token share one limit), as
 * Stripe limits each account. Runs after authorization, so refused calls do not count, and before idempotency, so a
 * limited call stores nothing. Stripe's webhooks are not limited: Stripe paces its own deliveries.
 */
final class CallerRateLimitFilter extends OncePerRequestFilter {

    static final String ANONYMOUS = "anonymous";

    private final RateLimiterRegistry limiters;
    private final int perSecond;
    private final ProblemResponses problems;

    CallerRateLimitFilter(int perSecond, ProblemResponses problems) {
        this.perSecond = perSecond;
        this.problems = problems;
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(perSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
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
        if (limiters.rateLimiter(name).acquirePermission()) {
            chain.doFilter(request, response);
        } else {
            problems.rateLimited(request, response, perSecond);
        }
    }
}
