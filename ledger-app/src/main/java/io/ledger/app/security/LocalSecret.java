package io.ledger.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The HS256 secret the ledger's own tokens are signed with: {@code LEDGER_JWT_SECRET} when it is set, else the one the
 * ledger generated into its data directory at first start. The server and {@code ./ledger-token} both resolve it here,
 * so a token the one mints the other accepts. The value is never printed, not even by {@link #toString()}.
 *
 * @param value the secret, whose UTF-8 bytes are the HMAC key
 * @param file the generated secret's file; empty when the secret was configured
 */
record LocalSecret(String value, Optional<Path> file) {

    /** The generated secret's file in the data directory. */
    static final String FILE_NAME = "jwt-secret";

    /** 32 random bytes: as long as HS256's hash (RFC 7518, section 3.2). */
    private static final int GENERATED_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The configured secret when it has text, else the data directory's, generated when the file is missing. Two
     * ledgers starting at once on one data directory end with the same secret: each writes a complete file of its own
     * and links it into place, which only the first link does; every one then reads back what is there.
     */
    static LocalSecret resolve(@Nullable String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return new LocalSecret(configured, Optional.empty());
        }
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath().normalize();
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            return new LocalSecret(read(file), Optional.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot keep the generated JWT secret in " + file
                            + " (set ledger.data-dir / LEDGER_DATA_DIR to a writable directory, or LEDGER_JWT_SECRET)",
                    e);
        }
    }

    private static void generate(Path file) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir, ownerOnly("rwx------"));
        Path draft = Files.createTempFile(dir, "." + FILE_NAME + "-", ".tmp", ownerOnly("rw-------"));
        try {
            byte[] random = new byte[GENERATED_BYTES];
            RANDOM.nextBytes(random);
            String text = Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n";
            try (FileChannel channel = FileChannel.open(draft, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
                channel.force(true); // on disk before it has its name: a crash leaves no empty secret behind
            }
            // A hard link is created only when the name is free, and the file behind it is complete already.
            Files.createLink(file, draft);
        } catch (FileAlreadyExistsException anotherNodeWasFirst) {
            // Its secret is the one: read back below.
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private static String read(Path file) throws IOException {
        String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (secret.isEmpty()) {
            throw new IllegalStateException(file + " holds no secret: delete it and start the ledger to generate a new"
                    + " one (tokens signed with the old one are then refused)");
        }
        return secret;
    }

    /** Owner-only permissions, given at creation (no moment with wider ones), where the file system has them. */
    private static FileAttribute<?>[] ownerOnly(String permissions) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
        };
    }

    @Override
    public String toString() {
        return "LocalSecret[value=(hidden), file=" + file.map(Path::toString).orElse("(configured)") + "]";
    }
}
