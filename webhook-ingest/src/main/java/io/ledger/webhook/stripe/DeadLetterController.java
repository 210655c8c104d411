package io.ledger.webhook.stripe;

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

    @GetMapping("/api/webhooks/stripe/dead-letters")
    WebhookEventPage list(@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
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
