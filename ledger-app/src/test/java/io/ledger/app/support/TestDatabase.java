package io.ledger.app.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;

/**
 * Where this JVM's tests keep their data: a database of their own, made fresh for the run. Either a new database on the
 * PostgreSQL server named by {@code ledger.test.db.url}, or, when no server was named through the environment and a
 * Docker engine answers, a Testcontainers PostgreSQL. Decided once per JVM.
 */
public final class TestDatabase {

    /** The server the tests create their database on; the parent pom sets it. */
    public static final String URL_PROPERTY = "ledger.test.db.url";

    /** This run's database, on that server. */
    public static final String NAME = "ledger_test_"
            + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(ZonedDateTime.now(ZoneOffset.UTC))
            + "_" + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));

    private static final Pattern POSTGRES_URL = Pattern.compile("(jdbc:postgresql://[^/?]+)(/[^?]*)?(\\?.*)?");

    private static Boolean container;

    private TestDatabase() {}

    /**
     * A container only when the operator named no server and Docker answers. Without Docker nothing else of
     * Testcontainers is touched.
     */
    public static synchronized boolean useContainer() {
        if (container == null) {
            container = System.getenv("LEDGER_TEST_DB_URL") == null
                    && System.getenv("SPRING_DATASOURCE_URL") == null
                    && DockerClientFactory.instance().isDockerAvailable();
        }
        return container;
    }

    /** The same server and parameters as {@code serverUrl}, with another database. */
    static String withDatabase(String serverUrl, String database) {
        Matcher url = POSTGRES_URL.matcher(serverUrl);
        if (!url.matches()) {
            throw new IllegalStateException(URL_PROPERTY + " must be a jdbc:postgresql:// URL, not " + serverUrl);
        }
        return url.group(1) + "/" + database + (url.group(3) == null ? "" : url.group(3));
    }

    /** Best effort: a failed drop leaves a database that the name's timestamp makes easy to find. */
    static void dropAtExit(String serverUrl, String database, String user, String password) {
        String maintenanceUrl = withDatabase(serverUrl, "postgres");
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try (Connection connection = DriverManager.getConnection(maintenanceUrl, user, password);
                                    Statement drop = connection.createStatement()) {
                                drop.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
                            } catch (Exception e) {
                                System.err.println("could not drop test database " + database + ": " + e.getMessage());
                            }
                        },
                        "drop-" + database));
    }
}
