package io.ledger.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh database per test run on the server of {@code ledger.test.db.url} (by default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}); the application creates it at start-up. As an extension declared
 * before {@code @SpringBootTest} (with {@code @DirtiesContext}), it drops the database after the context has closed.
 */
final class TestDatabase implements AfterAllCallback {

    private static final String SERVER_URL =
            System.getProperty("ledger.test.db.url", "jdbc:postgresql://127.0.0.1:5432/postgres");

    private static final String NAME = "ledger_stats_it_"
            + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
            + ThreadLocalRandom.current().nextInt(1_000_000);

    /** The JDBC URL of the run's database: the server's URL with the database name replaced. */
    static String url() {
        return SERVER_URL.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + NAME);
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null ? otherwise : value;
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        SERVER_URL,
                        env("SPRING_DATASOURCE_USERNAME", "postgres"),
                        env("SPRING_DATASOURCE_PASSWORD", ""));
                Statement drop = connection.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
        }
    }
}
