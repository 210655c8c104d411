package io.ledger.app.support;

import io.ledger.app.security.TestTokens;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * How every application the tests start knows its callers, unless a test's own properties say otherwise: tokens
 * signed with {@link TestTokens#SECRET} (the test client sends an admin's, see {@link LedgerTestHooks}), a rate limit
 * high enough that the suite's own bursts never reach it (a test of the limit sets its own; the default of 100 is
 * {@code JwtSettingsTest}'s), and a data directory under {@code target/}, never the source tree.
 */
public class TestCallersEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /**
     * The test's own properties: these defaults go just below them, above the machine's environment variables (an
     * exported {@code LEDGER_JWT_SECRET} does not change the suite's secret).
     */
    private static final Set<String> TEST_SOURCES =
            Set.of("Inlined Test Properties", "Dynamic Test Properties", "commandLineArgs");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MapPropertySource defaults = new MapPropertySource(
                "ledgerTestCallers",
                Map.of(
                        "ledger.jwt.secret", TestTokens.SECRET,
                        "ledger.rate-limit.per-second", "100000",
                        "ledger.data-dir", "target/ledger-test-data"));
        MutablePropertySources sources = environment.getPropertySources();
        String lowestOfTheTests = null;
        for (PropertySource<?> source : sources) {
            if (TEST_SOURCES.contains(source.getName())) {
                lowestOfTheTests = source.getName();
            }
        }
        if (lowestOfTheTests != null) {
            sources.addAfter(lowestOfTheTests, defaults);
        } else if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            // An application a test starts as from the command line: its environment variables decide.
            sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, defaults);
        } else {
            sources.addLast(defaults);
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 3;
    }
}
