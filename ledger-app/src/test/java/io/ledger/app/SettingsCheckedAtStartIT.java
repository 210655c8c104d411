package io.ledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.context.support.StandardServletEnvironment;

/**
 * A bad setting in the environment stops the ledger at start, and the report Spring Boot prints names the property,
 * the environment variable it came from and what is wrong, before anything runs. The application starts as from the
 * command line, with the bad variable added to the process environment it sees (on this run's test database).
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsCheckedAtStartIT {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "LEDGER_WEBHOOK_MAX_ATTEMPTS        | 0         | ledger.webhook.maxAttempts            | must be greater than 0",
                "LEDGER_IDEMPOTENCY_RETENTION       | a day     | ledger.idempotency.retention          | failed to convert",
                "LEDGER_RATE_LIMIT_PER_SECOND       | -1        | ledger.rate-limit.perSecond           | must be greater than or equal to 0",
                "LEDGER_RATE_LIMIT_STORE            | redis     | ledger.rate-limit.store               | failed to convert",
                "LEDGER_WEBHOOK_LEASE               | PT0S      | ledger.webhook.lease                  | must be longer than or equal to 1 second",
                "LEDGER_EVENT_STORE_MAX_GAP_OFFSET  | 0         | ledger.event-store.maxGapOffset       | must be greater than 0",
                "LEDGER_TOKEN_STORE_CLAIM_TIMEOUT   | -PT10S    | ledger.token-store.claimTimeout       | must be longer than or equal to 1 milli",
                "LEDGER_QUERY_READ_YOUR_WRITES_WAIT | -PT1S     | ledger.query.readYourWritesWait       | must be longer than or equal to 0",
                "LEDGER_SIMULATE_ENABLED            | maybe     | ledger.simulate.enabled               | failed to convert",
                // What a schedule reads is bound and checked before the schedule reads it.
                "LEDGER_SIMULATED_POLL_INTERVAL     | often     | ledger.simulated.poll-interval        | failed to convert",
                "LEDGER_WEBHOOK_POLL_INTERVAL       | PT0S      | ledger.webhook.pollInterval           | must be longer than or equal to 1 milli",
                "LEDGER_IDEMPOTENCY_PURGE_INTERVAL  | hourly    | ledger.idempotency.purge-interval     | failed to convert",
                "LEDGER_AUDIT_CHAIN_WRITER_INTERVAL | soon      | ledger.audit.chain-writer.interval    | failed to convert",
                // Read before logging starts, refused with the other settings.
                "LEDGER_LOG_FORMAT                  | xml       | ledger.log.format                     | failed to convert"
            })
    void aBadVariableStopsTheStartNamingItsPropertyAndItself(
            String variable, String value, String property, String reason, CapturedOutput output) {
        assertThatThrownBy(() -> start(variable, value)).isNotNull();

        assertThat(output.getOut())
                .contains("APPLICATION FAILED TO START")
                .contains("Property: " + property)
                .contains("Origin: System Environment Property \"" + variable + "\"")
                .contains(reason);
    }

    @ParameterizedTest
    @CsvSource({"a-short-secret", "thirty-one-bytes-are-not-enough"})
    void aTooShortJwtSecretStopsTheStartWithoutBeingPrinted(String secret, CapturedOutput output) {
        assertThatThrownBy(() -> start("LEDGER_JWT_SECRET", secret)).isNotNull();

        assertThat(output.getOut())
                .contains("APPLICATION FAILED TO START")
                .contains("ledger.jwt.secret (LEDGER_JWT_SECRET) must be at least 32 bytes long for HS256")
                .doesNotContain(secret);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "127.0.0.1:18390 |                                 | must be set together, or neither for a single node",
                "                | 127.0.0.1:18390,127.0.0.1:18391 | must be set together, or neither for a single node",
                "127.0.0.1       | 127.0.0.1:18390                 | (LEDGER_CLUSTER_BIND) must be this node's host:port",
                "127.0.0.1:18390 | 127.0.0.1:18390,ledger-2        | (LEDGER_CLUSTER_MEMBERS) must be every node's host:port",
                "127.0.0.1:18390 | 127.0.0.1:18391,127.0.0.1:18392 | must be one of ledger.cluster.members (LEDGER_CLUSTER_MEMBERS)"
            })
    void aBadClusterAddressStopsTheStartSayingWhyBeforeJGroupsStarts(
            String bind, String members, String reason, CapturedOutput output) {
        Map<String, Object> variables = new HashMap<>();
        if (bind != null) {
            variables.put("LEDGER_CLUSTER_BIND", bind);
        }
        if (members != null) {
            variables.put("LEDGER_CLUSTER_MEMBERS", members);
        }

        assertThatThrownBy(() -> start(variables)).isNotNull();

        assertThat(output.getOut())
                .contains("APPLICATION FAILED TO START")
                .contains("Binding to target io.ledger.app.cluster.ClusterSettings failed")
                .contains(reason)
                .doesNotContain("JGRP");
    }

    private static void start(String variable, String value) {
        start(Map.of(variable, value));
    }

    private static void start(Map<String, Object> variables) {
        Map<String, Object> environment = new HashMap<>(variables);
        environment.put("SERVER_PORT", "0");
        SpringApplication ledger = new SpringApplication(LedgerApplication.class);
        ledger.setEnvironment(withVariables(environment));
        // Reached only when the start did not fail: the test then fails, and nothing is left running.
        ledger.run().close();
    }

    /** The process environment plus the variables, as Spring Boot reads a real one (origins included). */
    private static StandardServletEnvironment withVariables(Map<String, Object> variables) {
        StandardServletEnvironment environment = new StandardServletEnvironment();
        Map<String, Object> process = new HashMap<>(environment.getSystemEnvironment());
        process.putAll(variables);
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, process));
        return environment;
    }
}
