package io.ledger.query.audit;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which stored events a processor has handled, from its tokens as stored in {@code token_entry} (read in the caller's
 * snapshot, so they match the read model's tables). Events are assigned to segments as Axon's processors assign them:
 * by the hash of the aggregate identifier (sequential per aggregate).
 */
@Component
class ProcessedEvents {

    private final Serializer serializer;

    ProcessedEvents(Serializer serializer) {
        this.serializer = serializer;
    }

    Coverage of(JdbcTemplate jdbc, String processor) {
        List<StoredToken> stored = jdbc.query(
                "SELECT segment, token, token_type FROM token_entry WHERE processor_name = ? ORDER BY segment",
                (rs, rowNum) -> new StoredToken(rs.getInt("segment"), rs.getBytes("token"), rs.getString("token_type")),
                processor);
        int[] ids = stored.stream().mapToInt(StoredToken::segment).toArray();
        List<SegmentPosition> segments = stored.stream()
                .map(token -> new SegmentPosition(Segment.computeSegment(token.segment(), ids), handled(token)))
                .toList();
        return new Coverage(segments);
    }

    /** What a segment has handled: the token of its current position (inside a replay token while replaying). */
    private TrackingToken handled(StoredToken stored) {
        if (stored.token() == null) {
            return null;
        }
        TrackingToken token =
                serializer.deserialize(new SimpleSerializedObject<>(stored.token(), byte[].class, stored.type(), null));
        return token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
    }

    private record StoredToken(int segment, byte[] token, String type) {}

    private record SegmentPosition(Segment segment, TrackingToken handled) {}

    /** The events a processor's segments have handled. */
    record Coverage(List<SegmentPosition> segments) {

        boolean covers(StoredEvent event) {
            for (SegmentPosition position : segments) {
                if (position.segment().matches(event.aggregateIdentifier())) {
                    return handled(position.handled(), event.globalIndex());
                }
            }
            return false;
        }

        private static boolean handled(TrackingToken token, long index) {
            if (token instanceof GapAwareTrackingToken gapAware) {
                return index <= gapAware.getIndex() && !gapAware.getGaps().contains(index);
            }
            if (token instanceof GlobalSequenceTrackingToken global) {
                return index <= global.getGlobalIndex();
            }
            if (token == null) {
                return false;
            }
            throw new IllegalStateException(
                    "cannot tell what a " + token.getClass().getSimpleName() + " covers");
        }
    }
}
