package io.ledger.command.idempotency;

import io.ledger.api.problem.InvalidField;
import io.ledger.api.problem.Problem;
import io.ledger.api.problem.ProblemCode;
import io.ledger.api.problem.ServiceUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UrlPathHelper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's idempotency semantics for every POST under {@code /api} that carries an {@code Idempotency-Key}, but Stripe's
 * webhook receipt, which Stripe's event id deduplicates. The request runs in one transaction with its idempotency
 * record: its effects (a command's events, a dead letter made due, a read model's reset) and the stored response commit
 * together or not at all, so a crash at any point leaves either both (a retry replays) or neither (a retry executes).
 * Answers that are not 2xx are rolled back and not stored: a 4xx leaves nothing behind.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;
    /** Stripe's deliveries: deduplicated by their event id, and never sent with a key of ours. */
    private static final String STRIPE_WEBHOOK_RECEIPT = "/api/webhooks/stripe";
    /** Decoded and normalized as Spring MVC routes the path, so no spelling of the receipt's path escapes the rule. */
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final IdempotencyStore store;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    IdempotencyFilter(IdempotencyStore store, TransactionTemplate transaction, JsonMapper json) {
        this.store = store;
        this.transaction = transaction;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || request.getHeader(KEY_HEADER) == null
                || STRIPE_WEBHOOK_RECEIPT.equals(PATHS.getPathWithinApplication(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(KEY_HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            String message = "must be 1 to " + MAX_KEY_LENGTH + " characters";
            write(
                    response,
                    Problem.of(
                            ProblemCode.VALIDATION_FAILED,
                            ProblemCode.VALIDATION_FAILED.status(),
                            KEY_HEADER + " " + message,
                            request.getRequestURI(),
                            List.of(new InvalidField(KEY_HEADER, message))));
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String scope = request.getUserPrincipal() == null
                ? "anonymous"
                : request.getUserPrincipal().getName();
        String fingerprint = fingerprint(request, body);
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            transaction.executeWithoutResult(tx -> {
                IdempotencyStore.Claim claim = store.claim(scope, key, fingerprint);
                switch (claim.kind()) {
                    case IN_USE ->
                        writeProblem(
                                request,
                                captured,
                                ProblemCode.IDEMPOTENCY_KEY_IN_USE,
                                "A request with this Idempotency-Key is still being processed; retry later.");
                    case REUSED ->
                        writeProblem(
                                request,
                                captured,
                                ProblemCode.IDEMPOTENCY_KEY_REUSE,
                                "This Idempotency-Key was used with a different request body or endpoint.");
                    case REPLAY -> replay(captured, claim.response().orElseThrow());
                    case NEW -> {
                        execute(new BodyRequest(request, body), captured, chain);
                        if (captured.getStatus() / 100 == 2) {
                            store.save(scope, key, fingerprint, stored(captured));
                        } else {
                            tx.setRollbackOnly();
                        }
                    }
                }
            });
        } catch (DuplicateKeyException e) {
            // A concurrent first use of the key committed between our look-up and our insert; ours rolled back.
            replaceAnswer(
                    request,
                    captured,
                    ProblemCode.IDEMPOTENCY_KEY_IN_USE,
                    "A request with this Idempotency-Key was processed concurrently; retry to get its answer.");
        } catch (RuntimeException e) {
            Optional<ServiceUnavailable> database = databaseFailure(e);
            if (e instanceof TransactionSystemException rollback && captured.getStatus() >= 400) {
                // The handler refused (or met the database's failure itself) and the rollback then failed with the
                // connection: nothing was kept either way, and the handler's answer says why.
                log.warn(
                        "request with Idempotency-Key answered {}; its rollback failed: {}",
                        captured.getStatus(),
                        rollback.getMostSpecificCause().toString());
            } else if (database.isPresent()) {
                // The database went away under the request (or never came): nothing of it was kept.
                log.warn(
                        "request with Idempotency-Key rolled back: {}: {}",
                        database.get().getMessage(),
                        e.toString());
                replaceAnswer(request, captured, database.get());
            } else {
                log.error("request with Idempotency-Key failed and was rolled back", e);
                replaceAnswer(
                        request,
                        captured,
                        ProblemCode.INTERNAL_ERROR,
                        "The request failed and was rolled back; retrying with the same Idempotency-Key is safe.");
            }
        }
        captured.copyBodyToResponse();
    }

    /** A failure of the database, also when it shows only as a transaction that could not be committed or rolled back. */
    private static Optional<ServiceUnavailable> databaseFailure(RuntimeException e) {
        Optional<ServiceUnavailable> database = ServiceUnavailable.of(e);
        if (database.isEmpty() && e instanceof TransactionSystemException transaction) {
            // A commit or rollback fails only with its connection. The pool replaces a connection that failed a
            // statement by a closed one, so the rollback after it fails without a state of PostgreSQL's.
            return transaction.getApplicationException() != null
                            && ServiceUnavailable.of(transaction.getApplicationException())
                                    .isPresent()
                    ? ServiceUnavailable.of(transaction.getApplicationException())
                    : Optional.of(ServiceUnavailable.because(
                            transaction.getMessage() + ": " + transaction.getMostSpecificCause()));
        }
        return database;
    }

    private void execute(HttpServletRequest request, HttpServletResponse response, FilterChain chain) {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The transaction rolled back: whatever the handler answered did not happen. */
    private void replaceAnswer(
            HttpServletRequest request, ContentCachingResponseWrapper response, ProblemCode code, String detail) {
        response.resetBuffer();
        response.setHeader(HttpHeaders.LOCATION, null);
        writeProblem(request, response, code, detail);
    }

    private void replaceAnswer(
            HttpServletRequest request, ContentCachingResponseWrapper response, ServiceUnavailable problem) {
        response.resetBuffer();
        response.setHeader(HttpHeaders.LOCATION, null);
        problem.headers().forEach(response::setHeader);
        write(response, Problem.of(problem, request.getRequestURI()));
    }

    private static IdempotencyStore.StoredResponse stored(ContentCachingResponseWrapper response) {
        return new IdempotencyStore.StoredResponse(
                response.getStatus(),
                response.getHeader(HttpHeaders.LOCATION),
                new String(response.getContentAsByteArray(), StandardCharsets.UTF_8));
    }

    private static void replay(HttpServletResponse response, IdempotencyStore.StoredResponse stored) {
        response.setStatus(stored.status());
        response.setHeader(REPLAYED_HEADER, "true");
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        write(response, stored.body().getBytes(StandardCharsets.UTF_8));
    }

    private void writeProblem(
            HttpServletRequest request, HttpServletResponse response, ProblemCode code, String detail) {
        write(response, Problem.of(code, detail, request.getRequestURI()));
    }

    private void write(HttpServletResponse response, Problem problem) {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        write(response, json.writeValueAsBytes(problem));
    }

    private static void write(HttpServletResponse response, byte[] bytes) {
        try {
            response.getOutputStream().write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Same key, different endpoint or body, is a reuse: the fingerprint covers both. */
    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(
                    (request.getMethod() + ' ' + request.getRequestURI() + '\n').getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves the already-read body to the rest of the chain. */
    private static final class BodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }
    }
}
