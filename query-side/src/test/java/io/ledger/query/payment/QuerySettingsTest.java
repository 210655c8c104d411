package io.ledger.query.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class QuerySettingsTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(PaymentQueryConfiguration.class);

    @Test
    void theDefaultIsTheDocumentedOne() {
        context.run(app ->
                assertThat(app.getBean(QuerySettings.class)).isEqualTo(new QuerySettings(Duration.ofSeconds(2))));
    }

    @Test
    void noWaitIsAllowed() {
        withEnvironment(Map.of("LEDGER_QUERY_READ_YOUR_WRITES_WAIT", "PT0S"))
                .run(app -> assertThat(app.getBean(QuerySettings.class).readYourWritesWait())
                        .isZero());
    }

    /**
     * A refused value is reported with where it came from: the variable (through its origin) for a value that breaks a
     * rule, the property for one that does not parse.
     */
    @ParameterizedTest
    @CsvSource({
        "LEDGER_QUERY_READ_YOUR_WRITES_WAIT, -PT1S, LEDGER_QUERY_READ_YOUR_WRITES_WAIT",
        "LEDGER_QUERY_READ_YOUR_WRITES_WAIT, a while, ledger.query.read-your-writes-wait"
    })
    void aBadValueStopsTheStartNamingWhereItCameFrom(String variable, String value, String named) {
        withEnvironment(Map.of(variable, value))
                .run(app -> assertThat(app).hasFailed().getFailure().hasStackTraceContaining(named));
    }

    /** The variables as the process environment would hold them (Spring Boot's relaxed binding reads them there). */
    private ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
        return context.withInitializer(app -> app.getEnvironment()
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)));
    }
}
