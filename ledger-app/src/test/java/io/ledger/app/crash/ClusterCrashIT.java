package io.ledger.app.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.security.TestTokens;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three ledger nodes, each a JVM of its own ({@code target/ledger-app.jar}) on one database, joined by
 * {@code LEDGER_CLUSTER_BIND} and {@code LEDGER_CLUSTER_MEMBERS}. Shop clients spread creates, confirms and refunds
 * over the nodes as a load balancer would (a call sent again after a refused connection goes to the next node); every
 * third payment gets three refunds at once, each through another node. One node, picked by a seed, is killed with
 * SIGKILL mid-load: the one numbering the receipts. At the end nothing acknowledged is lost or duplicated, the read models equal a replay, the trial
 * balance balances, the chain verifies, and the dead node's event processor segments were taken over by the living.
 */
class ClusterCrashIT {

    private static final int NODES = 3;
    private static final int CLIENTS = 6;
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(60);

    private final ProcessDatabase database = new ProcessDatabase("ledger_cluster_");
    private final String secret = UUID.randomUUID() + "-" + UUID.randomUUID();
    private final List<LedgerProcess> nodes = new ArrayList<>();
    private List<String> members;
    private Acknowledged acknowledged;

    @BeforeEach
    void start() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "cluster"));
        members = IntStream.range(0, NODES)
                .mapToObj(n -> "127.0.0.1:" + LedgerProcess.freePort())
                .toList();
        for (int n = 0; n < NODES; n++) {
            Map<String, String> environment = new HashMap<>(database.environment(secret, dir.resolve("data-" + n)));
            environment.put("LEDGER_CLUSTER_BIND", members.get(n));
            environment.put("LEDGER_CLUSTER_MEMBERS", String.join(",", members));
            Path log = dir.resolve(database.name() + "-node" + n + ".log");
            nodes.add(new LedgerProcess(environment, LedgerProcess.freePort(), log));
            System.out.println(
                    "cluster test: node " + n + " (" + members.get(n) + ") console in " + log.toAbsolutePath());
        }
        acknowledged = database.acknowledged();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            for (LedgerProcess node : nodes) {
                node.close();
            }
        } finally {
            database.drop();
        }
    }

    @Test
    void aNodeKilledMidLoadLosesNothingDuplicatesNothingAndItsWorkIsTakenOver() throws Exception {
        long seed = Long.getLong("cluster.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.println("cluster test: seed " + seed + " (-Dcluster.seed=" + seed + " repeats the kill)");
        startAllAtOnce();

        List<URI> bases = nodes.stream().map(LedgerProcess::base).toList();
        RetryingClient client = new RetryingClient(bases, TestTokens.admin(secret, "cluster-client"));
        Shops shops = new Shops(CLIENTS, new ShopLoad(client, acknowledged, NODES), seed);
        Duration takeover;
        int victim = random.nextInt(NODES);
        try {
            long loadMillis = 4_000 + random.nextInt(4_000);
            Thread.sleep(loadMillis);
            // The node numbering the receipts, when one holds their segment: its numbers must survive it.
            String receiptsOwner = segmentOwners().get("receipts/0");
            if (members.contains(receiptsOwner)) {
                victim = members.indexOf(receiptsOwner);
            }
            String owner = members.get(victim);
            int before = acknowledged.creates();
            Instant killed = Instant.now();
            nodes.get(victim).kill();
            System.out.printf(
                    "cluster test: node %d (%s%s) killed with SIGKILL after %d ms of load, %d creates acknowledged%n",
                    victim, owner, owner.equals(receiptsOwner) ? ", numbering the receipts" : "", loadMillis, before);
            takeover = segmentsTakenOverFrom(owner, killed);
            System.out.println(
                    "cluster test: the dead node's segments were taken over in " + takeover.toMillis() + " ms");
            Thread.sleep(3_000);
        } finally {
            shops.stop();
        }
        System.out.println("cluster test: " + acknowledged.summary(shops.requests(), client));

        assertThat(acknowledged.unexpectedAnswers())
                .as("answers other than the call's success")
                .isEmpty();
        assertThat(acknowledged.creates()).isGreaterThan(CLIENTS * 2);
        assertThat(acknowledged.refunds()).isGreaterThanOrEqualTo(NODES);
        assertThat(takeover).isLessThan(TAKEOVER_LIMIT);
        URI dead = bases.get(victim);
        RetryingClient living = new RetryingClient(
                bases.stream().filter(base -> !base.equals(dead)).toList(),
                TestTokens.admin(secret, "cluster-auditor"));
        acknowledged.eachCreateIsStoredExactlyOnce();
        acknowledged.eachRefundIsStoredExactlyOnce();
        acknowledged.eachPaymentAnswersWhatWasAcknowledged(living);
        acknowledged.theTrialBalanceBalancesAndHoldsWhatWasAcknowledged(living);
        acknowledged.theChainVerifiesAndTheReadModelsEqualAReplay(living, "cluster test");
        acknowledged.eachSuccessHasOneReceiptAndNoNumberIsMissingOrTwice(living);
    }

    /** All nodes at once, as an orchestrator starts them: they find each other whatever the order. */
    private void startAllAtOnce() throws Exception {
        ExecutorService starting = Executors.newFixedThreadPool(NODES);
        try {
            List<Future<Duration>> started = new ArrayList<>();
            for (LedgerProcess node : nodes) {
                started.add(starting.submit(node::start));
            }
            for (int n = 0; n < NODES; n++) {
                System.out.println("cluster test: node " + n + " started in "
                        + started.get(n).get().toMillis() + " ms");
            }
        } finally {
            starting.shutdown();
        }
    }

    /**
     * Waits until no segment of any processor is claimed by the dead node (claims are owned by a node's cluster
     * address) and every segment is claimed by a living node; answers how long after the kill that was.
     */
    private Duration segmentsTakenOverFrom(String deadOwner, Instant killed) throws Exception {
        Instant deadline = killed.plus(TAKEOVER_LIMIT);
        Map<String, String> owners = Map.of();
        while (Instant.now().isBefore(deadline)) {
            owners = segmentOwners();
            boolean takenOver = !owners.isEmpty()
                    && owners.values().stream().allMatch(owner -> owner != null && !owner.equals(deadOwner));
            if (takenOver) {
                return Duration.between(killed, Instant.now());
            }
            Thread.sleep(200);
        }
        throw new AssertionError(
                "segments still unclaimed or claimed by the dead node after " + TAKEOVER_LIMIT + ": " + owners);
    }

    /** Each processor segment ({@code name/segment}) and its owner, null when unclaimed. */
    private Map<String, String> segmentOwners() throws SQLException {
        Map<String, String> owners = new TreeMap<>();
        try (Connection connection =
                        DriverManager.getConnection(database.url(), ProcessDatabase.USER, ProcessDatabase.PASSWORD);
                PreparedStatement query =
                        connection.prepareStatement("SELECT processor_name, segment, owner FROM token_entry");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                owners.put(rows.getString(1) + "/" + rows.getInt(2), rows.getString(3));
            }
        }
        return owners;
    }
}
