package io.ledger.app.cluster;

import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.distributed.DistributedCommandBus;
import org.axonframework.commandhandling.distributed.RoutingStrategy;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.axonframework.extensions.jgroups.commandhandling.JGroupsConnector;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.jgroups.JChannel;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Several ledger nodes on one event store (docs/architecture.md, "Several nodes"): with {@code ledger.cluster.bind} and
 * {@code ledger.cluster.members} set, commands go over Axon's DistributedCommandBus, through JGroups, to the node that
 * owns their payment ({@link PaymentRouting}), and the projections' segments are shared out among the nodes up. The
 * settings are always bound and checked, so one address without the other stops the start; unset, nothing here
 * exists and commands run on Axon's local bus.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterSettings.class)
class ClusterConfiguration {

    /** Axon's default for a pooled processor whose segments are not configured. */
    private static final int AXON_DEFAULT_SEGMENTS = 16;

    @Configuration(proxyBeanMethods = false)
    @Conditional(ClusterConfigured.class)
    static class Clustered {

        @Bean(destroyMethod = "close")
        JChannel clusterChannel(ClusterSettings settings) throws Exception {
            return ClusterChannel.open(settings);
        }

        @Bean
        RoutingStrategy paymentRouting() {
            return new PaymentRouting();
        }

        /** Commands from the other nodes reach the local bus through it; it is also who routes ours. */
        @Bean
        JGroupsConnector jgroupsConnector(
                JChannel channel,
                ClusterSettings settings,
                @Qualifier("localSegment") CommandBus localSegment,
                @Qualifier("messageSerializer") Serializer messages,
                RoutingStrategy routing) {
            return JGroupsConnector.builder()
                    .localSegment(new RemoteHandling(localSegment))
                    .channel(channel)
                    .clusterName(settings.name())
                    .serializer(messages)
                    .routingStrategy(routing)
                    .build();
        }

        /** The command bus everything dispatches to (the gateway's); Axon keeps the local one as its segment. */
        @Bean
        @Primary
        DistributedCommandBus distributedCommandBus(
                JGroupsConnector jgroups, @Qualifier("localSegment") CommandBus localSegment) {
            return DistributedCommandBus.builder()
                    .commandRouter(jgroups)
                    .connector(new LocalFirstConnector(jgroups, localSegment))
                    .build();
        }

        @Bean
        ClusterMembership clusterMembership(JGroupsConnector jgroups, JChannel channel, ClusterSettings settings) {
            return new ClusterMembership(jgroups, channel, settings);
        }

        /**
         * How many segments of a pooled processor this node claims: {@code ledger.cluster.max-claimed-segments}, or its
         * share of the processor's segments among the nodes up now. Read by the processors' coordinators every claim
         * interval: when a node joins, the others release what is over their share; when one is lost, its share grows
         * on the others, which claim its segments once their claims expire.
         */
        @Bean
        MaxSegmentProvider clusterSegmentShare(
                ClusterMembership membership, ClusterSettings settings, EventProcessorProperties processors) {
            if (settings.maxClaimedSegments() > 0) {
                return name -> settings.maxClaimedSegments();
            }
            Map<String, EventProcessorProperties.ProcessorSettings> configured = processors.getProcessors();
            return name -> {
                EventProcessorProperties.ProcessorSettings processor = configured.get(name);
                Integer segments = processor == null ? null : processor.getInitialSegmentCount();
                return membership.share(segments == null ? AXON_DEFAULT_SEGMENTS : segments);
            };
        }
    }
}
