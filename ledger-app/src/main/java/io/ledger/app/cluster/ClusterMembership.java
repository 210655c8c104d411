package io.ledger.app.cluster;

import java.util.concurrent.TimeUnit;
import org.axonframework.extensions.jgroups.commandhandling.JGroupsConnector;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.jgroups.JChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * This node's place in the cluster: it joins once Axon has subscribed the command handlers (so its first word to the
 * others names every command it takes) and before the web server takes requests; it leaves after the web server
 * stopped and before Axon stops, so its payments move to the others while it still answers what it was sent.
 */
final class ClusterMembership implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterMembership.class);
    /** Between Axon's start (which subscribes the handlers) and the web server's. */
    static final int PHASE = SpringAxonConfiguration.LIFECYCLE_PHASE + 512;
    /** How long the start waits for the view of the cluster it joined (or formed). */
    private static final long JOIN_WAIT_SECONDS = 30;

    private final JGroupsConnector connector;
    private final JChannel channel;
    private final ClusterSettings settings;
    private volatile boolean running;

    ClusterMembership(JGroupsConnector connector, JChannel channel, ClusterSettings settings) {
        this.connector = connector;
        this.channel = channel;
        this.settings = settings;
    }

    @Override
    public void start() {
        try {
            connector.connect();
            if (!connector.awaitJoined(JOIN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException(
                        "did not join cluster " + settings.name() + " within " + JOIN_WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining cluster " + settings.name(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(
                    "could not join cluster " + settings.name() + " as " + settings.bind() + ": " + e.getMessage(), e);
        }
        running = true;
        log.info(
                "joined cluster {} as {}; nodes up now: {} of {}",
                settings.name(),
                settings.bind(),
                channel.getView().getMembers(),
                settings.members());
    }

    @Override
    public void stop() {
        running = false;
        connector.disconnect();
        log.info("left cluster {}", settings.name());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** The nodes up now, this one included (one before it joined). */
    int nodesUp() {
        return SegmentShare.nodesUp(channel);
    }
}
