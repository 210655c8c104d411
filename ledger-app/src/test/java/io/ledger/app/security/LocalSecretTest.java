package io.ledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secret the ledger signs its own tokens with when none is configured: generated once, owner-only, kept. */
class LocalSecretTest {

    @TempDir
    Path temp;

    @Test
    void aConfiguredSecretIsUsedAndNothingIsWritten() {
        LocalSecret secret = LocalSecret.resolve("a-configured-secret-of-at-least-32-bytes", temp.resolve("data"));

        assertThat(secret.value()).isEqualTo("a-configured-secret-of-at-least-32-bytes");
        assertThat(secret.file()).isEmpty();
        assertThat(temp.resolve("data")).doesNotExist();
    }

    @Test
    void withoutOneASecretIsGeneratedOnceIntoAnOwnerOnlyFileAndReusedAfterwards() throws Exception {
        Path data = temp.resolve("nested/data");

        LocalSecret first = LocalSecret.resolve(null, data);
        LocalSecret again = LocalSecret.resolve("  ", data);

        Path file = data.resolve(LocalSecret.FILE_NAME).toAbsolutePath();
        assertThat(first.file()).contains(file);
        assertThat(again.value()).isEqualTo(first.value());
        // 32 random bytes, base64url: 43 characters, a valid HS256 key.
        assertThat(first.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(BearerTokens.key(first.value()).getEncoded()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rwx------");
        assertThat(Files.readString(file, StandardCharsets.UTF_8).strip()).isEqualTo(first.value());
        try (var left = Files.list(data)) {
            assertThat(left).as("no draft left behind").containsExactly(file);
        }
        assertThat(first.toString()).doesNotContain(first.value());
    }

    @Test
    void anotherDataDirectoryHasAnotherSecret() {
        assertThat(LocalSecret.resolve(null, temp.resolve("a")).value())
                .isNotEqualTo(LocalSecret.resolve(null, temp.resolve("b")).value());
    }

    @Test
    void ledgersStartingAtOnceOnOneDataDirectoryEndWithOneSecret() throws Exception {
        int nodes = 8;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            for (int round = 0; round < 25; round++) {
                Path data = temp.resolve("race-" + round);
                CyclicBarrier start = new CyclicBarrier(nodes);
                List<Callable<LocalSecret>> starts = IntStream.range(0, nodes)
                        .<Callable<LocalSecret>>mapToObj(node -> () -> {
                            start.await();
                            return LocalSecret.resolve(null, data);
                        })
                        .toList();
                List<String> secrets = pool.invokeAll(starts).stream()
                        .map(LocalSecretTest::join)
                        .map(LocalSecret::value)
                        .distinct()
                        .toList();

                assertThat(secrets).as("round %d", round).hasSize(1);
                assertThat(Files.readString(data.resolve(LocalSecret.FILE_NAME)).strip())
                        .isEqualTo(secrets.get(0));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEmptySecretFileIsRefusedNamingItsPath() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve(LocalSecret.FILE_NAME), "\n");

        assertThatThrownBy(() -> LocalSecret.resolve(null, data))
                .hasMessageContaining(LocalSecret.FILE_NAME)
                .hasMessageContaining("holds no secret");
    }

    private static LocalSecret join(Future<LocalSecret> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
