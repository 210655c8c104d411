package io.ledger.app.openapi;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Example bodies, kept as JSON in {@code openapi/examples.json}: per operationId, the {@code request} body and the
 * body of each success status ({@code "200"}), or of each of its media types when it has several ({@code "200
 * text/csv"}). Answers of the ledger as it answers them, so that a reader sees real shapes; the lint checks each
 * against its schema. An example for an operation, status or media type that does not exist fails the description.
 */
final class BodyExamples {

    private static final String RESOURCE = "openapi/examples.json";

    private final Map<String, Map<String, Object>> examples;
    private final Set<String> used = new HashSet<>();

    private BodyExamples(Map<String, Map<String, Object>> examples) {
        this.examples = examples;
    }

    static BodyExamples load() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return new BodyExamples(JsonMapper.builder().build().readValue(in, new TypeReference<>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    void applyTo(Call call) {
        String operationId = call.operation().getOperationId();
        Map<String, Object> bodies = examples.get(operationId);
        if (bodies == null) {
            return;
        }
        used.add(operationId);
        bodies.forEach((key, example) -> {
            if (key.equals("request")) {
                if (call.operation().getRequestBody() == null) {
                    throw new IllegalStateException(RESOURCE + ": " + operationId + " takes no request body");
                }
                set(call.operation().getRequestBody().getContent(), example, operationId, key);
            } else {
                String[] statusAndType = key.split(" ", 2);
                ApiResponse response = call.operation().getResponses().get(statusAndType[0]);
                if (response == null) {
                    throw new IllegalStateException(RESOURCE + ": " + operationId + " has no answer " + key);
                }
                if (statusAndType.length == 2) {
                    set(response.getContent(), statusAndType[1], example, operationId, key);
                } else {
                    set(response.getContent(), example, operationId, key);
                }
            }
        });
    }

    /** Every example in the file must have found its operation. */
    void checkAllUsed() {
        Set<String> unused = new HashSet<>(examples.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has examples of unknown operations: " + unused);
        }
    }

    /** The example goes to the body's one media type (a problem is never an example here). */
    private static void set(Content content, Object example, String operationId, String key) {
        Map<String, MediaType> bodies = new LinkedHashMap<>(content == null ? Map.of() : content);
        bodies.remove(ProblemAnswers.MEDIA_TYPE);
        if (bodies.size() != 1) {
            throw new IllegalStateException(
                    RESOURCE + ": " + operationId + " " + key + " has media types " + bodies.keySet());
        }
        bodies.values().iterator().next().setExample(example);
    }

    /** The example goes to the body's media type {@code type}. */
    private static void set(Content content, String type, Object example, String operationId, String key) {
        MediaType body = content == null ? null : content.get(type);
        if (body == null) {
            throw new IllegalStateException(RESOURCE + ": " + operationId + " " + key + " has no such media type");
        }
        body.setExample(example);
    }
}
