package io.ledger.app.audit;

import io.ledger.app.LedgerApplication;
import io.ledger.query.audit.Auditor;
import io.ledger.query.audit.VerificationReport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auditor's command line: {@code java -jar ledger-app.jar audit <command>} against the ledger's database, without
 * the web server, the command side, the chain writer or any processor running, and without migrating anything.
 *
 * <pre>
 * audit verify [--chain-only]            the verification as JSON; exit 1 when it finds a mismatch
 * audit export [--after-index N]         the global event log as NDJSON
 * audit replay --as-of 2026-11-22T10:00:00Z
 *                                        NDJSON: the trial balance and balances at that instant, then every payment
 * audit digest                           the signed head of the chain as JSON
 * </pre>
 *
 * Further {@code --spring.*} arguments (for example {@code --spring.datasource.url=...}) are passed to Spring.
 * Results go to standard output, logs to standard error. Exit codes: 0 done (verification passed), 1 verification
 * failed, 2 usage or runtime error.
 */
public final class AuditCommand {

    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int ERROR = 2;

    private AuditCommand() {}

    /** Runs the command and exits the JVM with its code. */
    public static void main(String[] args) {
        PrintStream stdout = System.out;
        // Every log line goes to standard error, so that standard output carries only results.
        System.setOut(System.err);
        System.exit(run(args, stdout, System.err));
    }

    /** Runs {@code args} (without the leading {@code audit}); results to {@code out}, messages to {@code err}. */
    public static int run(String[] args, OutputStream out, PrintStream err) {
        List<String> options = new ArrayList<>();
        List<String> springArgs = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("--spring.") ? springArgs : options).add(arg);
        }
        if (options.isEmpty()) {
            err.println(usage());
            return ERROR;
        }
        String command = options.get(0);
        Map<String, String> flags;
        try {
            flags = flags(options.subList(1, options.size()));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(usage());
            return ERROR;
        }
        try (ConfigurableApplicationContext context = start(springArgs)) {
            Auditor auditor = context.getBean(Auditor.class);
            JsonMapper json = context.getBean(JsonMapper.class);
            OutputStream results = new BufferedOutputStream(out, 1 << 16);
            switch (command) {
                case "verify" -> {
                    VerificationReport report = auditor.verify(!flags.containsKey("chain-only"));
                    results.write(json.writeValueAsBytes(report));
                    results.write('\n');
                    results.flush();
                    return report.passed() ? PASSED : FAILED;
                }
                case "export" -> {
                    long afterIndex = Long.parseLong(flags.getOrDefault("after-index", "0"));
                    long limit = Long.parseLong(flags.getOrDefault("limit", Long.toString(Long.MAX_VALUE)));
                    auditor.export(afterIndex, limit, results);
                    return PASSED;
                }
                case "replay" -> {
                    String asOf = flags.get("as-of");
                    if (asOf == null) {
                        throw new IllegalArgumentException("replay needs --as-of <ISO-8601 instant>");
                    }
                    auditor.replayAsOf(Instant.parse(asOf), results);
                    return PASSED;
                }
                case "digest" -> {
                    results.write(json.writeValueAsBytes(auditor.digest()));
                    results.write('\n');
                    results.flush();
                    return PASSED;
                }
                default -> throw new IllegalArgumentException("unknown command " + command);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println(e.getMessage());
            err.println(usage());
            return ERROR;
        } catch (IOException | RuntimeException e) {
            err.println("audit " + command + " failed: " + e);
            return ERROR;
        }
    }

    /** {@code --name value} pairs; a flag without a value (the next argument is another flag, or none) is "true". */
    private static Map<String, String> flags(List<String> arguments) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + argument);
            }
            String name = argument.substring(2);
            int equals = name.indexOf('=');
            if (equals > 0) {
                flags.put(name.substring(0, equals), name.substring(equals + 1));
            } else if (i + 1 < arguments.size() && !arguments.get(i + 1).startsWith("--")) {
                flags.put(name, arguments.get(++i));
            } else {
                flags.put(name, "true");
            }
        }
        return flags;
    }

    private static ConfigurableApplicationContext start(List<String> springArgs) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        return new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(arguments(springArgs));
    }

    /**
     * The read-only settings as command-line arguments, ahead of the auditor's own: they outrank environment variables
     * (an operator's shell may well set {@code LEDGER_COMMAND_SIDE_ENABLED} or a processor's mode), which default
     * properties would not.
     */
    static String[] arguments(List<String> springArgs) {
        List<String> arguments = new ArrayList<>();
        cliProperties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.addAll(springArgs);
        return arguments.toArray(String[]::new);
    }

    /**
     * Read-only toward the ledger: no command side, no cluster, no chain writer, no Flyway, no database creation, and every event
     * processor subscribing (to an event bus that nobody publishes to here), so that no projection moves.
     */
    static Map<String, Object> cliProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ledger.audit.cli", "true");
        properties.put("ledger.command-side.enabled", "false");
        properties.put("ledger.audit.chain-writer.enabled", "false");
        properties.put("ledger.datasource.create-database", "false");
        // Never a node of a cluster (an operator's shell may set its addresses, and the node's own port is taken).
        properties.put("ledger.cluster.bind", "");
        properties.put("ledger.cluster.members", "");
        properties.put("spring.flyway.enabled", "false");
        properties.put("logging.level.root", "WARN");
        properties.put("disable-axoniq-console-message", "true");
        for (String processor : configuredProcessors()) {
            properties.put("axon.eventhandling.processors." + processor + ".mode", "subscribing");
        }
        return properties;
    }

    /** The processors named in the application's properties (a processor not named there is subscribing anyway). */
    private static List<String> configuredProcessors() {
        Properties defaults = new Properties();
        try (InputStream in = AuditCommand.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                defaults.load(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read application.properties", e);
        }
        String prefix = "axon.eventhandling.processors.";
        return defaults.stringPropertyNames().stream()
                .filter(name -> name.startsWith(prefix) && name.endsWith(".mode"))
                .map(name -> name.substring(prefix.length(), name.length() - ".mode".length()))
                .sorted()
                .toList();
    }

    static String usage() {
        return """
                usage: java -jar ledger-app.jar audit <command> [--spring.datasource.url=...]
                  verify [--chain-only]                   recompute the hash chain, compare every read model with a replay
                  export [--after-index N] [--limit N]    the global event log as NDJSON
                  replay --as-of 2026-11-22T10:00:00Z     balances and payment states at that instant, NDJSON
                  digest                                  the signed head of the hash chain""";
    }
}
