package io.ledger.app.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Several shops running one {@link ShopLoad} at once, each on its own thread, until stopped. */
final class Shops {

    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ExecutorService threads;
    private final List<Future<Integer>> work = new ArrayList<>();

    Shops(int count, ShopLoad load, long seed) {
        threads = Executors.newFixedThreadPool(count);
        for (int c = 0; c < count; c++) {
            int clientNumber = c;
            work.add(threads.submit(() -> load.run(clientNumber, seed, stopping)));
        }
    }

    /** Tells every shop to stop after its call in flight. */
    void stop() {
        stopping.set(true);
        threads.shutdown();
    }

    /** Waits until every shop's last call was answered; answers how many calls they made in all. */
    int requests() throws Exception {
        assertThat(threads.awaitTermination(3, TimeUnit.MINUTES))
                .as("every client's last request answered")
                .isTrue();
        int requests = 0;
        for (Future<Integer> each : work) {
            requests += each.get();
        }
        return requests;
    }
}
