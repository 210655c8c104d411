package io.ledger.command.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class SimulationSettingsTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Enabled.class);

    @Test
    void theSimulationIsOnByDefault() {
        context.run(app -> assertThat(app.getBean(SimulationSettings.class)).isEqualTo(new SimulationSettings(true)));
    }

    @Test
    void theContractsVariableSwitchesItOff() {
        withEnvironment(Map.of("LEDGER_SIMULATE_ENABLED", "false"))
                .run(app -> assertThat(app.getBean(SimulationSettings.class)).isEqualTo(new SimulationSettings(false)));
    }

    @Test
    void aValueThatIsNoBooleanStopsTheStartNamingTheProperty() {
        withEnvironment(Map.of("LEDGER_SIMULATE_ENABLED", "maybe"))
                .run(app ->
                        assertThat(app).hasFailed().getFailure().hasStackTraceContaining("ledger.simulate.enabled"));
    }

    private ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
        return context.withInitializer(app -> app.getEnvironment()
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)));
    }

    @EnableConfigurationProperties(SimulationSettings.class)
    static class Enabled {}
}
