package io.ledger.app.security;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.springframework.core.env.Environment;

/**
 * Tokens for the tests: every application the tests start checks tokens (with the shared {@link #SECRET} unless a
 * test names its own), and its test client calls as an admin holding every scope unless a test says otherwise.
 */
public final class TestTokens {

    /** The secret of every application the tests start that names none of its own. */
    public static final String SECRET = "the-ledger-tests-shared-hs256-secret-0123456789";

    /** The subject of the tests' admin: the actor of the events the tests' calls cause. */
    public static final String ADMIN_SUBJECT = "test-admin";

    /** Long enough for a whole run: a test client is made once per application context. */
    private static final Duration LIFETIME = Duration.ofDays(1);

    private static final String ADMIN = mint(SECRET, ADMIN_SUBJECT, TokenCommand.EVERY_SCOPE);

    private TestTokens() {}

    /** An admin's token signed with the shared secret. */
    public static String admin() {
        return ADMIN;
    }

    /** {@code Bearer <admin token>}, for an {@code Authorization} header. */
    public static String adminAuthorization() {
        return "Bearer " + ADMIN;
    }

    /**
     * An admin's token for the application with this environment, signed with the secret it resolves: its
     * {@code ledger.jwt.secret}, else the one in its {@code ledger.data-dir}, as the server resolves it.
     */
    public static String adminFor(Environment environment) {
        String secret = LocalSecret.resolve(
                        environment.getProperty("ledger.jwt.secret"),
                        Path.of(environment.getProperty("ledger.data-dir", DataDirectorySettings.DEFAULT)))
                .value();
        return mint(secret, ADMIN_SUBJECT, TokenCommand.EVERY_SCOPE);
    }

    /** An admin's token (every scope) signed with {@code secret}: for a ledger the tests start in a process of its own. */
    public static String admin(String secret, String subject) {
        return mint(secret, subject, TokenCommand.EVERY_SCOPE);
    }

    /** A token of the subject with the scopes (space separated; null: none), valid from now for a day. */
    public static String mint(String secret, String subject, String scopes) {
        return TokenCommand.mint(secret, subject, scopes, LIFETIME, Instant.now());
    }

    /** A token signed with the shared secret. */
    public static String mint(String subject, String scopes) {
        return mint(SECRET, subject, scopes);
    }
}
