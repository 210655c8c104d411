package io.ledger.app.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Simulates a crash at the worst moment: a request sent with {@link #HEADER} runs normally inside the idempotency
 * transaction, and then the commit of that transaction fails. Just before failing it notes what the transaction held
 * (the answer's status, the events correlated with the request, the idempotency row), so a test can show that the
 * command really ran before the crash.
 */
public class CommitCrasher extends OncePerRequestFilter {

    public static final String HEADER = "X-Test-Crash-At-Commit";

    private final JdbcClient jdbc;
    private final Map<String, Crash> crashes = new ConcurrentHashMap<>();

    public CommitCrasher(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the transaction held when its commit failed, by the request's X-Request-Id. */
    public record Crash(int status, long events, long idempotencyRows) {}

    public Optional<Crash> crashOf(String requestId) {
        return Optional.ofNullable(crashes.get(requestId));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException(HEADER + " needs the idempotency transaction: send an Idempotency-Key");
        }
        String requestId = response.getHeader("X-Request-Id");
        String key = request.getHeader("Idempotency-Key");
        chain.doFilter(request, response);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                long events = jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE meta_data->>'correlationId' = ?")
                        .param(requestId)
                        .query(Long.class)
                        .single();
                long rows = jdbc.sql("SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single();
                crashes.put(requestId, new Crash(response.getStatus(), events, rows));
                throw new IllegalStateException("simulated crash while committing request " + requestId);
            }
        });
    }
}
