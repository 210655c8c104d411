package io.ledger.app.cluster;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.cluster.*} (env {@code LEDGER_CLUSTER_...}): several ledger nodes on one event store, commands routed to
 * the node that owns their payment (docs/architecture.md, "Several nodes"), checked at start. Both addresses unset: one
 * node, as ever, and nothing of the cluster starts.
 *
 * @param bind this node's {@code host:port} for its peers ({@code LEDGER_CLUSTER_BIND}): the address and port it
 *     listens on, and one of the members
 * @param members every node's {@code host:port}, this one's included, comma separated ({@code LEDGER_CLUSTER_MEMBERS}):
 *     where a starting node looks for the others
 * @param name the cluster's name: nodes join only a cluster of the same name
 * @param maxClaimedSegments at most this many segments of each projection's processor on this node; 0: the segments
 *     divided by the nodes up now, rounded up, so they spread over the nodes and a node gone leaves its share to the
 *     others
 */
@ConfigurationProperties("ledger.cluster")
@Validated
public record ClusterSettings(
        @DefaultValue("") String bind,
        @DefaultValue("") List<String> members,

        @DefaultValue("ledger")
        @Pattern(regexp = "[A-Za-z0-9._-]{1,100}", message = "must be 1 to 100 letters, digits, '.', '_' or '-'")
        String name,

        @DefaultValue("0") @PositiveOrZero int maxClaimedSegments) {

    public ClusterSettings {
        bind = bind == null ? "" : bind.trim();
        members = members == null
                ? List.of()
                : members.stream().map(String::trim).filter(m -> !m.isEmpty()).toList();
    }

    /** Whether this node is one of several: both addresses are set. */
    public boolean clustered() {
        return !bind.isEmpty() && !members.isEmpty();
    }

    Optional<HostAndPort> bindAddress() {
        return HostAndPort.parse(bind);
    }

    List<HostAndPort> memberAddresses() {
        return members.stream().flatMap(m -> HostAndPort.parse(m).stream()).toList();
    }

    @AssertTrue(
            message = "ledger.cluster.bind (LEDGER_CLUSTER_BIND) and ledger.cluster.members (LEDGER_CLUSTER_MEMBERS)"
                    + " must be set together, or neither for a single node")
    public boolean isSetTogether() {
        return bind.isEmpty() == members.isEmpty();
    }

    @AssertTrue(
            message = "ledger.cluster.bind (LEDGER_CLUSTER_BIND) must be this node's host:port, such as"
                    + " 10.0.0.5:7800 or ledger-1:7800 (a port from 1 to 65535)")
    public boolean isBindHostAndPort() {
        return bind.isEmpty() || bindAddress().isPresent();
    }

    @AssertTrue(
            message = "ledger.cluster.members (LEDGER_CLUSTER_MEMBERS) must be every node's host:port, comma"
                    + " separated, such as ledger-1:7800,ledger-2:7800 (ports from 1 to 65535), each named once")
    public boolean isMembersHostsAndPorts() {
        if (memberAddresses().size() != members.size()) {
            return false;
        }
        Set<HostAndPort> distinct = new HashSet<>(memberAddresses());
        return distinct.size() == members.size();
    }

    @AssertTrue(
            message = "ledger.cluster.bind (LEDGER_CLUSTER_BIND) must be one of ledger.cluster.members"
                    + " (LEDGER_CLUSTER_MEMBERS): every node lists all of them, itself included")
    public boolean isBindAmongMembers() {
        return !clustered()
                || bindAddress().isEmpty()
                || memberAddresses().contains(bindAddress().get());
    }
}
