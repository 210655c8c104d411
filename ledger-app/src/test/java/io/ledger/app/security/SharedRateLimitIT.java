package io.ledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.ledger.app.support.Concurrently;
import io.ledger.app.support.LedgerIntegrationTest;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rate limit of a cluster: two nodes' filters, each with its own connection pool, counting in the one database's
 * {@code rate_limit_bucket} give a caller its limit once between them, answered as one node answers (429
 * {@code rate_limited}, {@code Retry-After}); a database that cannot be reached is a 503, not a call let through
 * uncounted or a 500.
 */
@LedgerIntegrationTest
class SharedRateLimitIT {

    private static final int PER_SECOND = 5;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String user;

    @Autowired
    JdbcClient jdbc;

    private final List<HikariDataSource> pools = new ArrayList<>();
    private CallerRateLimitFilter nodeA;
    private CallerRateLimitFilter nodeB;

    @BeforeEach
    void twoNodes() {
        nodeA = filter(new SharedCallerLimits(pool(), PER_SECOND));
        nodeB = filter(new SharedCallerLimits(pool(), PER_SECOND));
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @Test
    void twoNodesGiveACallerItsLimitOnceBetweenThem() throws Exception {
        String caller = "shop-" + UUID.randomUUID();
        long started = System.nanoTime();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < PER_SECOND + 1; i++) {
            statuses.add(status(i % 2 == 0 ? nodeA : nodeB, caller));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("the calls fall within one second")
                .isLessThan(Duration.ofMillis(900));

        assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429);
        MockHttpServletResponse refused = call(nodeA, caller);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"code\":\"rate_limited\"");
        // Another caller has its own count; the first one's refills after the second.
        assertThat(status(nodeB, "shop-" + UUID.randomUUID())).isEqualTo(200);
        Thread.sleep(1_100);
        assertThat(status(nodeB, caller)).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM rate_limit_bucket WHERE caller = ?")
                        .param(caller)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void callsArrivingAtBothNodesAtOnceAreCountedTogether() throws Exception {
        String caller = "shop-" + UUID.randomUUID();
        Callable<Integer> burst = () -> {
            int allowed = 0;
            for (int i = 0; i < 20; i++) {
                allowed += status(nodeA, caller) == 200 ? 1 : 0;
            }
            return allowed;
        };
        Callable<Integer> otherBurst = () -> {
            int allowed = 0;
            for (int i = 0; i < 20; i++) {
                allowed += status(nodeB, caller) == 200 ? 1 : 0;
            }
            return allowed;
        };
        long started = System.nanoTime();
        List<Integer> allowed = Concurrently.run(Duration.ofMinutes(1), burst, otherBurst);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        int total = allowed.get(0) + allowed.get(1);
        if (took.compareTo(Duration.ofMillis(950)) < 0) {
            assertThat(total).as("40 calls within %s", took).isEqualTo(PER_SECOND);
        } else {
            // A slow machine: the burst spanned a refill; never more than one second's worth per second begun.
            assertThat(total).isLessThanOrEqualTo(PER_SECOND * (int) (took.toMillis() / 1000 + 1));
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedAnswersServiceUnavailable() throws Exception {
        DriverManagerDataSource unreachable = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/ledger");
        unreachable.setUsername("postgres");
        CallerRateLimitFilter cut = filter(new SharedCallerLimits(unreachable, PER_SECOND));

        MockHttpServletResponse answer = call(cut, "shop-cut");

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeader("Retry-After")).isEqualTo("5");
        assertThat(answer.getContentAsString()).contains("\"code\":\"service_unavailable\"");
    }

    @Test
    void aCallCountedInPostgresqlCostsAboutOneShortTransaction() throws Exception {
        String caller = "bench-" + UUID.randomUUID();
        HikariDataSource pool = pool();
        pool.setMaximumPoolSize(8);
        SharedCallerLimits limits = new SharedCallerLimits(pool, 1_000_000);
        for (int i = 0; i < 500; i++) {
            limits.tryAcquire(caller); // warm-up: the JIT, the pool, the row
        }
        int calls = 3_000;
        long started = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            assertThat(limits.tryAcquire(caller)).isTrue();
        }
        long perCall = (System.nanoTime() - started) / calls;
        LocalCallerLimits local = new LocalCallerLimits(1_000_000);
        long localStarted = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            local.tryAcquire(caller);
        }
        long localPerCall = (System.nanoTime() - localStarted) / calls;
        System.out.printf(
                "rate limit per call: PostgreSQL %d us, in memory %d us (%d sequential calls)%n",
                perCall / 1000, localPerCall / 1000, calls);
        assertThat(Duration.ofNanos(perCall)).isLessThan(Duration.ofMillis(50));
        // Eight threads at once: one caller's calls wait for each other's row lock, eight callers' do not.
        System.out.printf(
                "rate limit, 8 threads: one caller %d calls/s, eight callers %d calls/s%n",
                callsPerSecond(limits, i -> caller), callsPerSecond(limits, i -> caller + "-" + i));
    }

    private static long callsPerSecond(SharedCallerLimits limits, IntFunction<String> callerOfThread) throws Exception {
        int threads = 8;
        int each = 400;
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String caller = callerOfThread.apply(t);
            tasks.add(() -> {
                for (int i = 0; i < each; i++) {
                    limits.tryAcquire(caller);
                }
                return each;
            });
        }
        long started = System.nanoTime();
        Concurrently.run(Duration.ofMinutes(1), tasks.toArray(Callable[]::new));
        return threads * each * 1_000_000_000L / (System.nanoTime() - started);
    }

    private HikariDataSource pool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setMaximumPoolSize(4);
        pools.add(pool);
        return pool;
    }

    private static CallerRateLimitFilter filter(CallerLimits limits) {
        return new CallerRateLimitFilter(
                limits, PER_SECOND, new ProblemResponses(JsonMapper.builder().build()));
    }

    private static int status(CallerRateLimitFilter filter, String caller) throws Exception {
        return call(filter, caller).getStatus();
    }

    private static MockHttpServletResponse call(CallerRateLimitFilter filter, String caller) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/payments");
        Principal principal = () -> caller;
        request.setUserPrincipal(principal);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
