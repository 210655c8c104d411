package io.ledger.app.openapi;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description at {@code /v3/api-docs} passes Redocly's recommended rules without a warning, describes every
 * endpoint the application maps, and every call in full. Redocly's CLI is pinned in {@code src/test/openapi}
 * ({@code package.json} and its lock) and installed with {@code npm ci} into {@code target/redocly} when it is missing;
 * the description is written to {@code target/openapi.json} for a reader to look at.
 */
@LedgerIntegrationTest
class OpenApiLintIT {

    private static final Path LINTER_PINS = Path.of("src/test/openapi");
    private static final Path LINTER = Path.of("target/redocly");
    private static final Path CLI = LINTER.resolve("node_modules/@redocly/cli/bin/cli.js");
    private static final Path DESCRIPTION = Path.of("target/openapi.json");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Autowired
    RestTestClient client;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void theDescriptionPassesRedoclysRecommendedRules() throws IOException, InterruptedException {
        Files.writeString(
                DESCRIPTION, LedgerApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(description()));
        installLinter();

        Run lint = redocly("--format=json");

        JsonNode totals = LedgerApi.JSON.readTree(lint.out()).get("totals");
        if (totals.get("errors").asInt() + totals.get("warnings").asInt() > 0 || lint.exit() != 0) {
            Run readable = redocly("--format=codeframe");
            fail(
                    "redocly lint --extends=recommended found problems in %s:%n%s%n%s",
                    DESCRIPTION.toAbsolutePath(), readable.out(), readable.err());
        }
    }

    @Test
    void everyEndpointTheApplicationMapsIsDescribed() {
        Set<String> mapped = new TreeSet<>();
        handlers.getHandlerMethods()
                .keySet()
                .forEach(mapping -> mapping.getPatternValues().stream()
                        .filter(path -> path.startsWith("/api/"))
                        .forEach(path -> mapping.getMethodsCondition()
                                .getMethods()
                                .forEach(method -> mapped.add(method + " " + path))));
        Set<String> described = new TreeSet<>();
        description()
                .get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().stream()
                        .filter(operation -> METHODS.contains(operation.getKey()))
                        .forEach(operation -> described.add(operation.getKey().toUpperCase() + " " + path.getKey())));

        assertThat(mapped).isNotEmpty();
        assertThat(described).isEqualTo(mapped);
    }

    @Test
    void everyCallIsDescribedInFull() {
        JsonNode description = description();
        List<String> gaps = new ArrayList<>();
        description
                .get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(entry -> {
                    String call = entry.getKey().toUpperCase() + " " + path.getKey();
                    JsonNode operation = entry.getValue();
                    for (String field : List.of("operationId", "summary", "description", "tags", "security")) {
                        if (!operation.has(field)) {
                            gaps.add(call + ": no " + field);
                        }
                    }
                    List<String> parameters = operation
                            .path("parameters")
                            .valueStream()
                            .map(parameter -> parameter.path("$ref").asString(""))
                            .toList();
                    if (!parameters.contains("#/components/parameters/RequestId")) {
                        gaps.add(call + ": no X-Request-Id parameter");
                    }
                    if (entry.getKey().equals("post")
                            && parameters.stream()
                                    .noneMatch(ref -> ref.startsWith("#/components/parameters/IdempotencyKey"))) {
                        gaps.add(call + ": no Idempotency-Key parameter");
                    }
                    operation.path("requestBody").path("content").properties().forEach(body -> {
                        if (!body.getValue().has("example")) {
                            gaps.add(call + ": no example of its " + body.getKey() + " request body");
                        }
                    });
                    boolean problems = false;
                    for (var response : operation.get("responses").properties()) {
                        int status = Integer.parseInt(response.getKey());
                        JsonNode answer = response.getValue();
                        if (!answer.path("headers").has("X-Request-Id")) {
                            gaps.add(call + ": answer " + status + " has no X-Request-Id header");
                        }
                        if (status >= 400) {
                            problems = true;
                            if (!answer.path("content")
                                    .path(ProblemAnswers.MEDIA_TYPE)
                                    .path("examples")
                                    .isObject()) {
                                gaps.add(call + ": answer " + status + " is not a problem with examples");
                            }
                        } else {
                            answer.path("content").properties().forEach(body -> {
                                if (!body.getValue().has("example")) {
                                    gaps.add(call + ": no example of its " + status + " " + body.getKey() + " answer");
                                }
                            });
                        }
                    }
                    if (!problems) {
                        gaps.add(call + ": no problem answers");
                    }
                }));

        assertThat(gaps).isEmpty();
    }

    @Test
    void everyPostButStripesWebhookReceiptSaysItsAnswersAreStoredByKey() {
        List<String> gaps = new ArrayList<>();
        description().get("paths").properties().forEach(path -> {
            JsonNode post = path.getValue().get("post");
            if (post == null) {
                return;
            }
            boolean stored = !path.getKey().equals("/api/webhooks/stripe");
            String call = "POST " + path.getKey();
            List<String> parameters = post.path("parameters")
                    .valueStream()
                    .map(parameter -> parameter.path("$ref").asString(""))
                    .toList();
            String key = stored
                    ? "#/components/parameters/IdempotencyKey"
                    : "#/components/parameters/IdempotencyKeyNotStored";
            if (!parameters.contains(key)) {
                gaps.add(call + ": no " + key);
            }
            post.get("responses").properties().forEach(response -> {
                boolean replayed = response.getValue().path("headers").has("Idempotent-Replayed");
                if (response.getKey().startsWith("2") && replayed != stored) {
                    gaps.add(call + ": answer " + response.getKey() + (stored ? " lacks" : " has")
                            + " Idempotent-Replayed");
                }
            });
            boolean reuse = post.get("responses")
                    .path("400")
                    .path("content")
                    .path(ProblemAnswers.MEDIA_TYPE)
                    .path("examples")
                    .has("idempotency_key_reuse");
            if (reuse != stored) {
                gaps.add(call + ": 400 " + (stored ? "lacks" : "has") + " idempotency_key_reuse");
            }
        });

        assertThat(gaps).isEmpty();
    }

    private JsonNode description() {
        String body = client.get()
                .uri("/v3/api-docs")
                .exchange()
                .returnResult(String.class)
                .getResponseBody();
        return LedgerApi.JSON.readTree(body);
    }

    /** {@code npm ci} from the pinned lock, unless that very lock is installed already. */
    private static void installLinter() throws IOException, InterruptedException {
        Path lock = LINTER_PINS.resolve("package-lock.json");
        Path installedLock = LINTER.resolve("package-lock.json");
        if (Files.exists(CLI) && Files.exists(installedLock) && Files.mismatch(lock, installedLock) == -1) {
            return;
        }
        Files.createDirectories(LINTER);
        Files.copy(LINTER_PINS.resolve("package.json"), LINTER.resolve("package.json"), REPLACE_EXISTING);
        Files.copy(lock, installedLock, REPLACE_EXISTING);
        Run install = run(
                Duration.ofMinutes(5),
                "npm",
                "ci",
                "--no-audit",
                "--no-fund",
                "--ignore-scripts",
                "--prefer-offline",
                "--loglevel=error");
        assertThat(install.exit())
                .as("npm ci in %s (needs Node 20.19+ and npm):%n%s%n%s", LINTER, install.out(), install.err())
                .isZero();
    }

    private static Run redocly(String format) throws IOException, InterruptedException {
        return run(
                Duration.ofMinutes(2),
                "node",
                CLI.toAbsolutePath().toString(),
                "lint",
                "--extends=recommended",
                format,
                DESCRIPTION.toAbsolutePath().toString());
    }

    /** Runs a command in the linter's directory, so no configuration file from elsewhere applies. */
    private static Run run(Duration timeout, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("openapi-lint", ".out");
        Path err = Files.createTempFile("openapi-lint", ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(LINTER.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        builder.environment().put("NO_COLOR", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(command[0] + " is needed to lint the OpenAPI description", e);
        }
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("%s did not finish within %s", String.join(" ", command), timeout);
        }
        Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    private record Run(int exit, String out, String err) {}
}
