package io.ledger.webhook.stripe;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of the inbox: Stripe events that failed {@code ledger.webhook.max-attempts} times, listed
 * oldest first with keyset pagination, and a retry that makes one due again with a fresh count of attempts.
 */
@RestController
@Tag(name = "Webhooks")
class DeadLetterController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final Inbox inbox;

    DeadLetterController(Inbox inbox) {
        this.inbox = inbox;
    }

    /** An inbox row as operators see it. */
    record WebhookEventView(
            String id,
            String type,
            String apiVersion,
            Instant created,
            Instant receivedAt,
            String state,
            int attempts,
            Instant nextAttemptAt,
            String lastError) {

        static WebhookEventView of(Inbox.Row row) {
            return new WebhookEventView(
                    row.eventId(),
                    row.type(),
                    row.apiVersion(),
                    row.created(),
                    row.receivedAt(),
                    row.state(),
                    row.attempts(),
                    row.nextAttemptAt(),
                    row.lastError());
        }
    }

    /** One page of dead letters. */
    record WebhookEventPage(List<WebhookEventView> data, boolean hasMore, String nextCursor) {}

    @Operation(operationId = "listWebhookDeadLetters", summary = "List webhook dead letters", description = """
                    Stripe events that failed every attempt (`ledger.webhook.max-attempts`), oldest first, \
                    keyset-paginated, with the last error.""")
    @ApiResponse(responseCode = "200", description = "One page of dead letters.")
    @ApiResponse(responseCode = "400", description = "`validation_failed`: a `limit` outside 1 to 100 or a bad cursor.")
    @GetMapping("/api/webhooks/stripe/dead-letters")
    WebhookEventPage list(
            @Parameter(
                            description = "Dead letters per page.",
                            schema =
                                    @Schema(
                                            type = "integer",
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "100",
                                            defaultValue = "20"))
                    @RequestParam(required = false)
                    String limit,
            @Parameter(description = "The `nextCursor` of the previous page, as it was answered.")
                    @RequestParam(required = false)
                    String cursor) {
        int size = limit(limit);
        DeadLetterCursor after = cursor == null || cursor.isEmpty() ? null : DeadLetterCursor.decode(cursor);
        List<Inbox.Row> rows = inbox.dead(after, size + 1);
        boolean hasMore = rows.size() > size;
        List<Inbox.Row> page = hasMore ? rows.subList(0, size) : rows;
        String next = null;
        if (hasMore) {
            Inbox.Row last = page.get(page.size() - 1);
            next = new DeadLetterCursor(last.receivedAt(), last.eventId()).encode();
        }
        return new WebhookEventPage(page.stream().map(WebhookEventView::of).toList(), hasMore, next);
    }

    @Operation(operationId = "retryWebhookDeadLetter", summary = "Retry a dead letter", description = """
                    Makes a dead Stripe event due again with a fresh count of attempts: it is `received`, due now, \
                    `attempts` 0, and the inbox worker processes it on its next poll.""")
    @Parameter(name = "eventId", description = "The Stripe event's id.", example = "evt_1QxYk2CZ6qsJgndJ0b3yLk2B")
    @ApiResponse(responseCode = "200", description = "The event, due again.")
    @ApiResponse(responseCode = "404", description = "`webhook_event_not_found`: no Stripe event has this id.")
    @ApiResponse(responseCode = "409", description = "`invalid_state_transition`: the event is not a dead letter.")
    @PostMapping("/api/webhooks/stripe/dead-letters/{eventId}/retry")
    WebhookEventView retry(@PathVariable String eventId) {
        Inbox.Row row = inbox.find(eventId).orElseThrow(() -> new WebhookEventNotFound(eventId));
        if (!inbox.retry(eventId)) {
            throw new NotADeadLetter(eventId, row.state());
        }
        return WebhookEventView.of(inbox.find(eventId).orElseThrow());
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameter("limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ".");
    }
}
