package io.ledger.app.security;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.time.Duration;

/** One node's count, in memory: no round trip on the hot path. Right for a ledger that runs as one node. */
final class LocalCallerLimits implements CallerLimits {

    private final RateLimiterRegistry limiters;

    LocalCallerLimits(int perSecond) {
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(perSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    @Override
    public boolean tryAcquire(String caller) {
        return limiters.rateLimiter(caller).acquirePermission();
    }
}
