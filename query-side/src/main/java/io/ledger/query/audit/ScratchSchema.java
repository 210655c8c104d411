package io.ledger.query.audit;

import java.util.Collection;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empty copies of read-model tables in a schema of their own, created inside the caller's transaction and put first on
 * its {@code search_path}, so that the projections' unqualified SQL writes to them instead of the live tables. The
 * caller rolls the transaction back, which removes schema and copies.
 *
 * <p>Why a new schema rather than {@code pg_temp}: PostgreSQL keeps a prepared statement's plan as long as the
 * {@code search_path} resolves to the same schemas, and the JDBC driver prepares statements server-side after a few
 * uses on a pooled connection. A temporary table shadowing {@code payment_view} would not invalidate such a plan, and a
 * projection's cached {@code UPDATE payment_view} would keep writing to the live table. A new schema on the path is a
 * different path, so every cached plan is parsed again, against the copies.
 */
final class ScratchSchema {

    private final String name;
    private final String liveSchema;

    private ScratchSchema(String name, String liveSchema) {
        this.name = name;
        this.liveSchema = liveSchema;
    }

    /** Creates the copies and puts them first on the transaction's search path. Call inside a transaction. */
    static ScratchSchema create(JdbcTemplate jdbc, Collection<String> tables) {
        String live = jdbc.queryForObject("SELECT current_schema()", String.class);
        String name = "audit_scratch_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        jdbc.execute("CREATE SCHEMA " + name);
        for (String table : tables) {
            jdbc.execute(
                    "CREATE TABLE " + name + "." + table + " (LIKE " + quote(live) + "." + table + " INCLUDING ALL)");
        }
        jdbc.execute("SELECT set_config('search_path', '" + name + ", ' || quote_ident('" + live.replace("'", "''")
                + "'), true)");
        return new ScratchSchema(name, live);
    }

    /** The schema-qualified name of a copy. */
    String scratch(String table) {
        return name + "." + table;
    }

    /** The schema-qualified name of the live table. */
    String live(String table) {
        return quote(liveSchema) + "." + table;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
