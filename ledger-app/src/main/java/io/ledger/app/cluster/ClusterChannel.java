package io.ledger.app.cluster;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.jgroups.JChannel;
import org.jgroups.protocols.FD_ALL;
import org.jgroups.protocols.FD_SOCK;
import org.jgroups.protocols.FRAG2;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.MFC;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UFC;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.stack.Protocol;

/**
 * The JGroups channel the nodes talk over: JGroups' own TCP stack ({@code tcp.xml}) built from the ledger's settings
 * instead of system properties (several ledgers may share a JVM in tests), with a static member list and the times
 * that decide how soon a lost node's payments move to the others:
 *
 * <ul>
 *   <li>TCP bound to exactly {@code ledger.cluster.bind} (no port range: a port in use stops the start);
 *   <li>TCPPING asks exactly the members for the cluster (no port range), so a node joins the running ones at start;
 *   <li>a node whose process died is noticed at once by FD_SOCK (its socket closes); a node gone silent (its host lost)
 *       by FD_ALL after {@value #SILENCE_TIMEOUT_MS} ms without a heartbeat (one every {@value #HEARTBEAT_MS} ms),
 *       confirmed by VERIFY_SUSPECT within {@value #VERIFY_TIMEOUT_MS} ms; the new view then routes its payments to the
 *       others;
 *   <li>nodes that started at the same instant (each alone) are merged by MERGE3 within {@value #MERGE_MAX_MS} ms.
 * </ul>
 */
final class ClusterChannel {

    static final long HEARTBEAT_MS = 1_000;
    static final long SILENCE_TIMEOUT_MS = 5_000;
    static final long VERIFY_TIMEOUT_MS = 1_500;
    static final long MERGE_MIN_MS = 2_000;
    static final long MERGE_MAX_MS = 5_000;
    /** How long a starting node waits for an answer from the members before it forms the cluster alone. */
    static final long JOIN_TIMEOUT_MS = 2_000;

    private ClusterChannel() {}

    static JChannel open(ClusterSettings settings) throws Exception {
        HostAndPort bind = settings.bindAddress().orElseThrow();
        List<InetSocketAddress> members = new ArrayList<>();
        for (HostAndPort member : settings.memberAddresses()) {
            members.add(new InetSocketAddress(address(member, "ledger.cluster.members"), member.port()));
        }
        TCP transport = new TCP();
        transport.setSockConnTimeout(300);
        transport.setBindAddress(address(bind, "ledger.cluster.bind"));
        transport.setBindPort(bind.port());
        transport.setPortRange(0);
        List<Protocol> stack = List.of(
                transport,
                new TCPPING().setInitialHosts(members).setPortRange(0),
                new MERGE3().setMinInterval(MERGE_MIN_MS).setMaxInterval(MERGE_MAX_MS),
                new FD_SOCK(),
                new FD_ALL().setTimeout(SILENCE_TIMEOUT_MS).setInterval(HEARTBEAT_MS),
                new VERIFY_SUSPECT().setTimeout(VERIFY_TIMEOUT_MS),
                new NAKACK2().setUseMcastXmit(false),
                new UNICAST3(),
                new STABLE(),
                new GMS().setJoinTimeout(JOIN_TIMEOUT_MS),
                new UFC(),
                new MFC(),
                new FRAG2());
        JChannel channel = new JChannel(stack);
        channel.setName(bind.toString());
        return channel;
    }

    private static InetAddress address(HostAndPort node, String setting) {
        try {
            return InetAddress.getByName(node.host());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(setting + ": cannot resolve " + node.host(), e);
        }
    }
}
