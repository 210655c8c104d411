package io.ledger.query.projection;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read models' processors: where each stands against the head of the event store, and their rebuild through
 * Axon's token reset (every projection has a {@code @ResetHandler} that empties its tables first).
 */
@Component
public class Projections {

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;

    Projections(EventProcessingConfiguration processing, JdbcClient jdbc) {
        this.processing = processing;
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

    private ProjectionStatus status(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        long position = segments.isEmpty()
                ? 0
                : segments.values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .mapToLong(current -> current.orElse(0))
                        .min()
                        .orElse(0);
        boolean replaying = segments.values().stream().anyMatch(EventTrackerStatus::isReplaying);
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
                resetPosition.isPresent() ? resetPosition.getAsLong() : null);
    }

    private StreamingEventProcessor processor(String name) {
        StreamingEventProcessor processor = processors().get(name);
        if (processor == null) {
            throw new UnknownProjection(name);
        }
        return processor;
    }

    private Map<String, StreamingEventProcessor> processors() {
        return processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, entry -> (StreamingEventProcessor) entry.getValue()));
    }

    private long head() {
        return jdbc.sql("SELECT COALESCE(max(global_index), 0) FROM domain_event_entry")
                .query(Long.class)
                .single();
    }
}
