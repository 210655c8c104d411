package io.ledger.query.audit;

import io.ledger.api.payment.PaymentView;
import io.ledger.query.payment.InvalidQueryParameter;
import io.ledger.query.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Audit")
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
    @Operation(operationId = "listPaymentEvents", summary = "List a payment's stored events", description = """
                    The payment's event stream in order, read from the event store itself: every column as stored, \
                    `payload` and `metadata` as the exact JSON of their `jsonb` columns (metadata: `correlationId`, \
                    `causationId`, `actor`, `source`), and `hash`, the event's hash in the chain (null until \
                    chained). Always one page.""")
    @ApiResponse(
            responseCode = "200",
            description = "The payment's events.",
            content =
                    @Content(
                            schemaProperties = {
                                @SchemaProperty(
                                        name = "data",
                                        array = @ArraySchema(schema = @Schema(implementation = AuditedEvent.class))),
                                @SchemaProperty(name = "hasMore", schema = @Schema(type = "boolean")),
                                @SchemaProperty(name = "nextCursor", schema = @Schema(types = {"string", "null"}))
                            }))
    @ApiResponse(responseCode = "400", description = "`validation_failed`: this call takes no parameters.")
    @ApiResponse(responseCode = "404", description = "`payment_not_found`: no payment has this id.")
    @GetMapping("/payments/{id}/events")
    Map<String, Object> events(
            @PathVariable String id, @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        new QueryParameters(parameters, Set.of());
        Map<String, Object> page = new HashMap<>();
        page.put("data", log.paymentEvents(id));
        page.put("hasMore", false);
        page.put("nextCursor", null);
        return page;
    }

    /** The payment rebuilt from its events stamped at or before {@code asOf} (default: now). */
    @Operation(operationId = "getPaymentAsOf", summary = "Get a payment as it stood at an instant", description = """
                    The payment resource, in the shape of `GET /api/payments/{id}`, rebuilt from its events stamped \
                    at or before `asOf` through the read model's own projection, into scratch tables.""")
    @Parameter(
            name = "asOf",
            in = ParameterIn.QUERY,
            description = "An ISO-8601 instant. Default: now.",
            schema = @Schema(type = "string", format = "date-time"))
    @ApiResponse(responseCode = "200", description = "The payment at `asOf`.")
    @ApiResponse(
            responseCode = "400",
            description = "`validation_failed`: a malformed `asOf`, or an unknown or repeated parameter.")
    @ApiResponse(
            responseCode = "404",
            description = "`payment_not_found`: no payment has this id, or it was created after `asOf`.")
    @GetMapping("/payments/{id}")
    PaymentView asOf(
            @PathVariable String id, @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        Instant instant =
                new QueryParameters(parameters, Set.of("asOf")).optional("asOf", Instant::parse, Instant.now());
        return asOf.find(id, instant);
    }

    /** The global log after {@code afterIndex}, at most {@code limit} events, as NDJSON, streamed. */
    @Operation(operationId = "exportEventLog", summary = "Export the global event log", description = """
                    Newline-delimited JSON, streamed from one snapshot: one stored event per line (the fields of \
                    `AuditedEvent`) in global index order, after `afterIndex`. Page on with the last line's \
                    `globalIndex`.""")
    @Parameter(
            name = "afterIndex",
            in = ParameterIn.QUERY,
            description = "Only events after this global index.",
            schema = @Schema(type = "integer", format = "int64", minimum = "0", defaultValue = "0"))
    @Parameter(
            name = "limit",
            in = ParameterIn.QUERY,
            description = "At most this many events.",
            schema =
                    @Schema(
                            type = "integer",
                            format = "int64",
                            minimum = "1",
                            maximum = "100000",
                            defaultValue = "1000"))
    @ApiResponse(
            responseCode = "200",
            description = "One `AuditedEvent` per line.",
            content = @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = """
                    `validation_failed`: a negative `afterIndex`, a `limit` outside 1 to 100,000, or an unknown or \
                    repeated parameter.""")
    @GetMapping("/events")
    ResponseEntity<StreamingResponseBody> log(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
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
    @Operation(operationId = "verifyAudit", summary = "Verify the hash chain and the read models", description = """
                    Recomputes the hash chain from the stored events and, unless `readModels=false`, compares every \
                    read model with a fresh replay of the events it has processed. `mismatches` holds the first \
                    finding of each check. On a large ledger the read-model replay takes minutes: use \
                    `readModels=false`, or the auditor's command line.""")
    @Parameter(
            name = "readModels",
            in = ParameterIn.QUERY,
            description = "Also replay and compare the read models (`readModelsConsistent` is null without).",
            schema = @Schema(type = "boolean", defaultValue = "true"))
    @ApiResponse(responseCode = "200", description = "The verification report.")
    @ApiResponse(
            responseCode = "400",
            description = "`validation_failed`: `readModels` other than `true` or `false`, or an unknown parameter.")
    @GetMapping("/verify")
    VerificationReport verify(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        boolean readModels = new QueryParameters(parameters, Set.of("readModels"))
                .optional("readModels", AuditController::bool, true);
        return auditor.verify(readModels);
    }

    /** The head of the chain, signed with the ledger's key. */
    @Operation(operationId = "getChainDigest", summary = "Get the signed head of the hash chain", description = """
                    The chain's head (`globalIndex`, `hash` in hex) signed with the ledger's Ed25519 key over the \
                    UTF-8 text `ledger-audit-digest/v1\\n<globalIndex>\\n<hash>\\n<createdAt>\\n`. Keep it: it \
                    later proves that the log up to that index was not rewritten.""")
    @ApiResponse(responseCode = "200", description = "The signed digest.")
    @GetMapping("/digest")
    ChainDigest digest() {
        return auditor.digest();
    }

    /** Whether a digest kept earlier still holds: signed by this ledger, and the log up to it not rewritten. */
    @Operation(operationId = "verifyChainDigest", summary = "Check a kept digest", description = """
                    Valid when the signature is this ledger's, the chain still has that hash at that index, and the \
                    stored events up to there recompute to it; `detail` says what failed.""")
    @ApiResponse(responseCode = "200", description = "Whether the digest still holds.")
    @ApiResponse(
            responseCode = "400",
            description = "`validation_failed`: a malformed digest (bad hash, missing or unknown field).")
    @ApiResponse(responseCode = "415", description = "`validation_failed`: the body is not `application/json`.")
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
