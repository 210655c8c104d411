package io.ledger.app.security;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.LedgerApplication;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerTestHooks;
import io.ledger.app.support.TestDatabaseContainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A ledger started with neither {@code LEDGER_JWT_SECRET} nor an issuer is not open: it generates a secret into its
 * data directory, says where, and takes exactly the tokens {@code ./ledger-token} signs with it.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.jwt.secret=")
@AutoConfigureRestTestClient
@Import({TestDatabaseContainer.class, LedgerTestHooks.class})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class GeneratedSecretIT {

    /** Fresh for the class: the secret is generated when the application starts. */
    private static final Path DATA_DIR = freshDirectory().resolve("data");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DATA_DIR::toString);
    }

    @Autowired
    RestTestClient client;

    @Test
    void theLedgerGeneratesAnOwnerOnlySecretLogsWhereAndAcceptsTokensSignedWithIt(CapturedOutput output)
            throws IOException {
        Path file = DATA_DIR.resolve(LocalSecret.FILE_NAME).toAbsolutePath();
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        assertThat(output.getAll()).contains(file.toString()).doesNotContain(secret);

        assertProblem(LedgerApi.anonymous(client).get("/api/payments"), 401, "unauthorized");
        assertProblem(
                LedgerApi.as(
                                client,
                                TokenCommand.mint(
                                        "a-secret-the-ledger-never-saw-of-32-bytes",
                                        "intruder",
                                        "payments:read",
                                        java.time.Duration.ofMinutes(5),
                                        Instant.now()))
                        .get("/api/payments"),
                401,
                "unauthorized");

        ByteArrayOutputStream minted = new ByteArrayOutputStream();
        int exit = TokenCommand.run(
                new String[] {"--subject", "shop-1", "--scope", "payments:read"},
                null,
                DATA_DIR,
                Instant.now(),
                new PrintStream(minted, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(exit).isZero();
        String token = minted.toString(StandardCharsets.UTF_8).strip();
        LedgerApi.Answer list = LedgerApi.as(client, token).get("/api/payments");
        assertThat(list.status()).as("%s", list).isEqualTo(200);
    }

    private static Path freshDirectory() {
        try {
            return Files.createTempDirectory("ledger-generated-secret-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
