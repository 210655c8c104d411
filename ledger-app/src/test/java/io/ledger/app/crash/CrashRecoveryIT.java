package io.ledger.app.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.security.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger killed with SIGKILL under load, three times at random moments, and started again on the same database: 8
 * clients create confirmed payments and refund some, each request with an Idempotency-Key and sent again with the same
 * key and body until answered. At the end nothing acknowledged is lost or duplicated, every request was answered, the
 * read models equal a replay of the event store, the trial balance balances and the hash chain verifies.
 *
 * <p>Real processes ({@code target/ledger-app.jar}, which the package phase builds before the integration tests), a
 * database of its own ({@code ledger_crash_<random>}, created by the ledger, dropped after). The kill moments come from
 * a seed, printed, and taken from {@code -Dcrash.seed=} to repeat a run.
 */
class CrashRecoveryIT {

    private static final int CLIENTS = 8;
    private static final int KILLS = 3;
    private final ProcessDatabase database = new ProcessDatabase("ledger_crash_");
    private final String secret = UUID.randomUUID() + "-" + UUID.randomUUID();
    private LedgerProcess ledger;

    private Acknowledged acknowledged;

    @BeforeEach
    void start() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "crash-recovery"));
        Path log = dir.resolve(database.name() + ".log");
        ledger = new LedgerProcess(database.environment(secret, dir.resolve("data")), LedgerProcess.freePort(), log);
        acknowledged = database.acknowledged();
        System.out.println("crash test: ledger console in " + log.toAbsolutePath());
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (ledger != null) {
                ledger.close();
            }
        } finally {
            database.drop();
        }
    }

    @Test
    void killedThreeTimesUnderLoadItLosesNothingDuplicatesNothingAndStaysConsistent() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.println("crash test: seed " + seed + " (-Dcrash.seed=" + seed + " repeats the kill moments)");

        System.out.println("crash test: started in " + ledger.start().toMillis() + " ms");
        RetryingClient client = new RetryingClient(ledger.base(), TestTokens.admin(secret, "crash-client"));
        Shops shops = new Shops(CLIENTS, new ShopLoad(client, acknowledged), seed);
        try {
            for (int kill = 1; kill <= KILLS; kill++) {
                long loadMillis = 3_000 + random.nextInt(5_000);
                Thread.sleep(loadMillis);
                long pid = ledger.pid();
                int before = acknowledged.creates();
                ledger.kill();
                System.out.printf(
                        "crash test: kill %d (SIGKILL pid %d) after %d ms of load, %d creates acknowledged%n",
                        kill, pid, loadMillis, before);
                System.out.println("crash test: restarted in " + ledger.start().toMillis() + " ms");
            }
            Thread.sleep(3_000);
        } finally {
            shops.stop();
        }
        System.out.println("crash test: " + acknowledged.summary(shops.requests(), client));

        assertThat(acknowledged.unexpectedAnswers())
                .as("answers other than the call's success")
                .isEmpty();
        assertThat(acknowledged.creates()).isGreaterThan(KILLS * CLIENTS);
        assertThat(acknowledged.refunds()).isPositive();
        acknowledged.eachCreateIsStoredExactlyOnce();
        acknowledged.eachRefundIsStoredExactlyOnce();
        acknowledged.eachPaymentAnswersWhatWasAcknowledged(client);
        acknowledged.theTrialBalanceBalancesAndHoldsWhatWasAcknowledged(client);
        acknowledged.theChainVerifiesAndTheReadModelsEqualAReplay(client, "crash test");
        acknowledged.eachSuccessHasOneReceiptAndNoNumberIsMissingOrTwice(client);
    }
}
