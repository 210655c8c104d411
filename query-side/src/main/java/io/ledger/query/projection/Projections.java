package io.ledger.query.projection;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read models' processors: where each stands against the head of the event store, and their rebuild through
 * Axon's token reset (every projection has a {@code @ResetHandler} that empties its tables first).
 */
@Component
public class Projections {

    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final JdbcClient jdbc;

    Projections(EventProcessingConfiguration processing, TokenStore tokens, JdbcClient jdbc) {
        this.processing = processing;
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    public List<ProjectionStatus> statuses() {
        long head = head();
        return processors().entrySet().stream()
                .map(entry -> status(entry.getKey(), entry.getValue(), head))
                .sorted(Comparator.comparing(ProjectionStatus::name))
                .toList();
    }

    public ProjectionStatus status(String name) {
        return status(name, processor(name), head());
    }

    /** Rebuilds the read model from the first event while the ledger keeps taking commands. */
    public void replay(String name) {
        StreamingEventProcessor processor = processor(name);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    /** Caught up: no segment replays and every segment has processed the newest stored event. */
    public boolean isCaughtUp(String name) {
        ProjectionStatus status = status(name);
        return status.running() && !status.replaying() && !status.error() && status.lag() == 0;
    }

    /**
     * A segment that is stored but not (yet) being processed here, as right after a start or a replay, has no position
     * to vouch for: the processor then stands at 0.
     */
    private ProjectionStatus status(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        long position = segments.isEmpty() || segments.size() < tokens.fetchSegments(name).length
                ? 0
                : segments.values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .mapToLong(current -> current.orElse(0))
                        .min()
                        .orElse(0);
        boolean replaying = segments.values().stream().anyMatch(Projections::rebuilding);
        boolean error = segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        OptionalLong resetPosition = segments.values().stream()
                .map(EventTrackerStatus::getResetPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .max();
        return new ProjectionStatus(
                name,
                processor.isRunning(),
                replaying,
                error,
                segments.size(),
                position,
                head,
                Math.max(0, head - position),
                resetPosition.isPresent() ? resetPosition.getAsLong() : null,
                replaying && resetPosition.isPresent() ? percent(position, resetPosition.getAsLong()) : 100);
    }

    private static int percent(long position, long until) {
        return until <= 0 ? 100 : (int) Math.min(100, Math.max(0, Math.multiplyExact(position, 100L) / until));
    }

    /**
     * Still handling events that were stored before the reset. Axon flags a segment as replaying until it handles an
     * event stored after the reset, which in a quiet ledger may be never; the rebuild is complete once the segment has
     * reached the position the store had at the reset.
     */
    private static boolean rebuilding(EventTrackerStatus segment) {
        if (!segment.isReplaying()) {
            return false;
        }
        OptionalLong resetAt = segment.getResetPosition();
        return resetAt.isEmpty() || segment.getCurrentPosition().orElse(-1) < resetAt.getAsLong();
    }

    private StreamingEventProcessor processor(String name) {
        StreamingEventProcessor processor = processors().get(name);
        if (processor == null) {
            throw new UnknownProjection(name);
        }
        return processor;
    }

    /**
     * The read models' processors: those whose handlers may be reset. A processor that refuses a reset (the receipts'
     * {@code @DisallowReplay}: kept records, numbered once) is no read model, is not listed and cannot be replayed.
     */
    private Map<String, StreamingEventProcessor> processors() {
        return processing.eventProcessors().entrySet().stream()
                .filter(entry ->
                        entry.getValue() instanceof StreamingEventProcessor streaming && streaming.supportsReset())
                .collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, entry -> (StreamingEventProcessor) entry.getValue()));
    }

    private long head() {
        return jdbc.sql("SELECT COALESCE(max(global_index), 0) FROM domain_event_entry")
                .query(Long.class)
                .single();
    }
}
