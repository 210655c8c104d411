package io.ledger.app.cluster;

import java.util.Map;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.axonframework.springboot.EventProcessorProperties;
import org.jgroups.JChannel;
import org.jgroups.View;

/**
 * How many segments of a pooled processor this node claims: {@code ledger.cluster.max-claimed-segments}, or its share
 * of the processor's segments among the nodes up now (the segments divided by the nodes in the channel's view, rounded
 * up). The processors' coordinators ask at every claim interval: when a node joins, the others release what is over
 * their share; when one is lost, the others' shares grow, and they claim its segments once their claims expired.
 */
final class SegmentShare implements MaxSegmentProvider {

    /** Axon's default for a pooled processor whose segments are not configured. */
    static final int AXON_DEFAULT_SEGMENTS = 16;

    private final JChannel channel;
    private final int fixed;
    private final Map<String, EventProcessorProperties.ProcessorSettings> processors;

    SegmentShare(JChannel channel, ClusterSettings settings, EventProcessorProperties processors) {
        this.channel = channel;
        this.fixed = settings.maxClaimedSegments();
        this.processors = processors.getProcessors();
    }

    @Override
    public int getMaxSegments(String processor) {
        if (fixed > 0) {
            return fixed;
        }
        EventProcessorProperties.ProcessorSettings configured = processors.get(processor);
        Integer segments = configured == null ? null : configured.getInitialSegmentCount();
        return share(segments == null ? AXON_DEFAULT_SEGMENTS : segments, nodesUp(channel));
    }

    /** The nodes in the channel's view, this one included (one before it joined). */
    static int nodesUp(JChannel channel) {
        View view = channel.getView();
        return view == null ? 1 : Math.max(1, view.size());
    }

    static int share(int segments, int nodes) {
        return Math.max(1, (segments + nodes - 1) / nodes);
    }
}
