package io.ledger.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's lines in both formats, as Spring Boot writes them with the ledger's settings (its
 * {@code application.properties} and {@link LogFormatEnvironmentPostProcessor}): an application holding only the
 * logging configuration starts, and a line is logged inside and outside a request's logging context.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogFormatTest {

    private static final Logger log = LoggerFactory.getLogger(LogFormatTest.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Configuration(proxyBeanMethods = false)
    @Import(LoggingConfiguration.class)
    static class OnlyLogging {}

    /**
     * Spring Boot hands the structured format to Logback as a system property and never overwrites one that is set:
     * the JVM's first application decides for every later one. Each test here starts from none, and leaves none.
     */
    @BeforeEach
    @AfterEach
    void clearContextAndFormat() {
        MDC.clear();
        System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
    }

    @Test
    void aTextLineNamesItsRequestAndCallerAndALineOutsideARequestNamesNone(CapturedOutput output) {
        try (ConfigurableApplicationContext ignored = start(Map.of())) {
            logInRequest("req-text-1", "merchant-7", "a line while serving a request");
            log.info("a line outside any request");
        }

        String inRequest = lineWith(output, "a line while serving a request");
        assertThat(inRequest).contains("[req-text-1 merchant-7] ").doesNotStartWith("{");
        assertThat(inRequest.indexOf("[req-text-1 merchant-7] "))
                .as("in Spring Boot's correlation slot, before the logger's name")
                .isLessThan(inRequest.indexOf(LogFormatTest.class.getSimpleName()));
        String outside = lineWith(output, "a line outside any request");
        assertThat(outside).doesNotContain("[ ]").doesNotContain("merchant-7");
    }

    @Test
    void jsonLinesAreElasticCommonSchemaObjectsWithTheRequestAndCallerAsFields(CapturedOutput output) {
        try (ConfigurableApplicationContext ignored = start(Map.of(LogFormatEnvironmentPostProcessor.FORMAT, "json"))) {
            logInRequest("req-json-1", "merchant-8", "a structured line while serving a request");
            log.info("a structured line outside any request");
        }

        JsonNode inRequest = JSON.readTree(lineWith(output, "a structured line while serving a request"));
        assertThat(inRequest.get("message").asString()).isEqualTo("a structured line while serving a request");
        assertThat(inRequest.get("requestId").asString()).isEqualTo("req-json-1");
        assertThat(inRequest.get("caller").asString()).isEqualTo("merchant-8");
        assertThat(inRequest.at("/log/level").asString()).isEqualTo("INFO");
        assertThat(inRequest.at("/ecs/version").asString()).isNotBlank();
        assertThat(inRequest.at("/service/name").asString()).isEqualTo("ledger");
        JsonNode outside = JSON.readTree(lineWith(output, "a structured line outside any request"));
        assertThat(outside.has("requestId")).isFalse();
        assertThat(outside.has("caller")).isFalse();
    }

    @Test
    void theFormatIsReadInAnyCase(CapturedOutput output) {
        try (ConfigurableApplicationContext ignored = start(Map.of(LogFormatEnvironmentPostProcessor.FORMAT, "JSON"))) {
            log.info("a line in upper-case json");
        }

        assertThat(lineWith(output, "a line in upper-case json")).startsWith("{");
    }

    @Test
    void anExplicitSpringBootStructuredFormatWinsOverTheLedgersChoice(CapturedOutput output) {
        try (ConfigurableApplicationContext ignored = start(Map.of(
                LogFormatEnvironmentPostProcessor.FORMAT,
                "json",
                LogFormatEnvironmentPostProcessor.STRUCTURED_CONSOLE,
                "logstash"))) {
            log.info("a line in logstash's format");
        }

        JsonNode line = JSON.readTree(lineWith(output, "a line in logstash's format"));
        assertThat(line.has("@version")).isTrue();
        assertThat(line.has("ecs")).isFalse();
    }

    private static void logInRequest(String requestId, String caller, String message) {
        MDC.put(LogContext.REQUEST_ID, requestId);
        MDC.put(LogContext.CALLER, caller);
        log.info(message);
        MDC.clear();
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return new SpringApplicationBuilder(OnlyLogging.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run();
    }

    private static String lineWith(CapturedOutput output, String message) {
        List<String> lines =
                output.getOut().lines().filter(line -> line.contains(message)).toList();
        assertThat(lines).as("lines logging '%s'", message).hasSize(1);
        return lines.get(0);
    }
}
