package io.ledger.app.crash;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The database of a test that runs the ledger in processes of its own: a fresh name ({@code <prefix><random>}) that the
 * ledger creates at its start, the environment every such process gets, and the drop at the end.
 */
final class ProcessDatabase {

    static final String USER = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
    private static final String SERVER_URL =
            System.getProperty("ledger.test.db.url", "jdbc:postgresql://127.0.0.1:5432/postgres");

    private final String name;

    ProcessDatabase(String prefix) {
        this.name = prefix + UUID.randomUUID().toString().replace("-", "");
    }

    String name() {
        return name;
    }

    String url() {
        return SERVER_URL.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    /** What every ledger process of the test is started with: this database, the secret, no rate limit, no Stripe. */
    Map<String, String> environment(String secret, Path dataDirectory) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_DATASOURCE_URL", url());
        environment.put("SPRING_DATASOURCE_USERNAME", USER);
        environment.put("SPRING_DATASOURCE_PASSWORD", PASSWORD);
        environment.put("LEDGER_JWT_SECRET", secret);
        environment.put("LEDGER_DATA_DIR", dataDirectory.toString());
        environment.put("LEDGER_RATE_LIMIT_PER_SECOND", "0");
        environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        environment.put("STRIPE_SECRET_KEY", "");
        return environment;
    }

    Acknowledged acknowledged() {
        return new Acknowledged(url(), USER, PASSWORD);
    }

    /** Tried for a while: the server may be restarting under someone else's fault run. */
    void drop() throws SQLException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
                    Statement drop = connection.createStatement()) {
                drop.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
                return;
            } catch (SQLException e) {
                if (attempt == 20) {
                    throw e;
                }
                Thread.sleep(1_000);
            }
        }
    }
}
