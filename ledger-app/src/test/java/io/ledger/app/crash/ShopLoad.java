package io.ledger.app.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One shop's backend under a fault test: it creates confirmed payments, each with its own Idempotency-Key, and refunds
 * every third, noting in {@link Acknowledged} what the ledger acknowledged. Given several refunds at once, it sends
 * them together, the k-th first to node k, so one payment's commands arrive through different nodes at the same time.
 */
final class ShopLoad {

    private final RetryingClient client;
    private final Acknowledged acknowledged;
    private final int refundsAtOnce;

    ShopLoad(RetryingClient client, Acknowledged acknowledged) {
        this(client, acknowledged, 1);
    }

    ShopLoad(RetryingClient client, Acknowledged acknowledged, int refundsAtOnce) {
        this.client = client;
        this.acknowledged = acknowledged;
        this.refundsAtOnce = refundsAtOnce;
    }

    /** Runs until {@code stopping}; answers how many requests it made. */
    int run(int clientNumber, long seed, AtomicBoolean stopping) throws Exception {
        Random random = new Random(seed + clientNumber);
        ExecutorService refunders = Executors.newFixedThreadPool(refundsAtOnce);
        try {
            int requests = 0;
            for (int n = 0; !stopping.get(); n++) {
                String key = "crash-" + clientNumber + "-" + n;
                long amount = 1_000 + random.nextInt(9_000);
                RetryingClient.Answer created = acknowledged.counted(client.post(
                        "/api/payments",
                        key,
                        Map.of(
                                "amount",
                                amount,
                                "currency",
                                "usd",
                                "customerId",
                                "cus_crash_" + clientNumber,
                                "paymentMethod",
                                "pm_card_visa",
                                "confirm",
                                true,
                                "metadata",
                                Map.of("crashKey", key))));
                requests++;
                if (created.status() != 201
                        || !created.body().get("status").asString().equals("succeeded")) {
                    acknowledged.unexpected("create " + key, created);
                    continue;
                }
                String paymentId = created.body().get("id").asString();
                acknowledged.create(key, paymentId, amount);
                if (n % 3 == 0) {
                    requests += refund(refunders, paymentId, "crash-refund-" + clientNumber + "-" + n);
                }
            }
            return requests;
        } finally {
            refunders.shutdownNow();
        }
    }

    private int refund(ExecutorService refunders, String paymentId, String key) throws Exception {
        List<Future<RetryingClient.Answer>> sent = new ArrayList<>();
        for (int k = 0; k < refundsAtOnce; k++) {
            int node = k;
            String eachKey = refundsAtOnce == 1 ? key : key + "-" + k;
            sent.add(refunders.submit(() -> client.post(
                    node,
                    "/api/payments/" + paymentId + "/refunds",
                    eachKey,
                    Map.of("amount", Acknowledged.REFUND, "reason", "requested_by_customer"))));
        }
        for (Future<RetryingClient.Answer> each : sent) {
            RetryingClient.Answer refunded = acknowledged.counted(each.get());
            if (refunded.status() == 201) {
                acknowledged.refund(paymentId, refunded.body().get("id").asString());
            } else {
                acknowledged.unexpected("refund of " + paymentId, refunded);
            }
        }
        return refundsAtOnce;
    }
}
