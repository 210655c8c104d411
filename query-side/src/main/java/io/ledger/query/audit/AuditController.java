package io.ledger.query.audit;

import io.ledger.api.payment.PaymentView;
import io.ledger.query.payment.InvalidQueryParameter;
import io.ledger.query.web.QueryParameters;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The auditor's API: the stored events, a payment at an instant, the verification and the signed digests. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 100_000;

    private final Auditor auditor;
    private final AuditLog log;
    private final PaymentAsOf asOf;

    AuditController(Auditor auditor, AuditLog log, PaymentAsOf asOf) {
        this.auditor = auditor;
        this.log = log;
        this.asOf = asOf;
    }

    /** The payment's stream in order, every event as stored, with its metadata and chain hash. */
    @GetMapping("/payments/{id}/events")
    Map<String, Object> events(@PathVariable String id, @RequestParam MultiValueMap<String, String> parameters) {
        new QueryParameters(parameters, Set.of());
        Map<String, Object> page = new HashMap<>();
        page.put("data", log.paymentEvents(id));
        page.put("hasMore", false);
        page.put("nextCursor", null);
        return page;
    }

    /** The payment rebuilt from its events stamped at or before {@code asOf} (default: now). */
    @GetMapping("/payments/{id}")
    PaymentView asOf(@PathVariable String id, @RequestParam MultiValueMap<String, String> parameters) {
        Instant instant =
                new QueryParameters(parameters, Set.of("asOf")).optional("asOf", Instant::parse, Instant.now());
        return asOf.find(id, instant);
    }

    /** The global log after {@code afterIndex}, at most {@code limit} events, as NDJSON, streamed. */
    @GetMapping("/events")
    ResponseEntity<StreamingResponseBody> log(@RequestParam MultiValueMap<String, String> parameters) {
        QueryParameters query = new QueryParameters(parameters, Set.of("afterIndex", "limit"));
        long afterIndex = query.optional("afterIndex", Long::parseLong, 0L);
        long limit = query.optional("limit", Long::parseLong, (long) DEFAULT_LIMIT);
        if (afterIndex < 0) {
            throw new InvalidQueryParameter("afterIndex", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryParameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return ResponseEntity.ok().contentType(NDJSON).body(out -> log.export(afterIndex, limit, out));
    }

    /** The chain recomputed from the stored events, and (unless {@code readModels=false}) every read model replayed. */
    @GetMapping("/verify")
    VerificationReport verify(@RequestParam MultiValueMap<String, String> parameters) {
        boolean readModels = new QueryParameters(parameters, Set.of("readModels"))
                .optional("readModels", AuditController::bool, true);
        return auditor.verify(readModels);
    }

    /** The head of the chain, signed with the ledger's key. */
    @GetMapping("/digest")
    ChainDigest digest() {
        return auditor.digest();
    }

    /** Whether a digest kept earlier still holds: signed by this ledger, and the log up to it not rewritten. */
    @PostMapping("/digest/verify")
    DigestVerification verify(@RequestBody ChainDigest digest) {
        return auditor.verify(digest);
    }

    private static boolean bool(String value) {
        if (List.of("true", "false").contains(value)) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException(value);
    }
}
