package io.ledger.app.cluster;

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
                JGroupsConnector jgroups, @Qualifier("localSegment") CommandBus localSegment, JChannel channel) {
            return DistributedCommandBus.builder()
                    .commandRouter(jgroups)
                    .connector(new LocalFirstConnector(jgroups, localSegment, channel))
                    .build();
        }

        @Bean
        ClusterMembership clusterMembership(JGroupsConnector jgroups, JChannel channel, ClusterSettings settings) {
            return new ClusterMembership(jgroups, channel, settings);
        }

        /** Built from the channel alone: the processors' configuration reads it before the buses exist. */
        @Bean
        MaxSegmentProvider clusterSegmentShare(
                JChannel channel, ClusterSettings settings, EventProcessorProperties processors) {
            return new SegmentShare(channel, settings, processors);
        }
    }
}
