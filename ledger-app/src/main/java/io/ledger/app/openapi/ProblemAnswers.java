package io.ledger.app.openapi;

import io.ledger.api.problem.Problem;
import io.ledger.api.problem.ProblemCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The problem answers of every call: one shared {@code Problem} schema as {@code application/problem+json}, and per
 * status the codes the call can answer, each with an example. A controller documents what is particular to its call
 * as an {@code @ApiResponse} whose description names the codes in backticks ({@code `payment_not_found`: ...}); the
 * answers every call shares (a refused URL, tokens, scopes, rate limits, idempotency, failures) are added here. Codes,
 * statuses and titles come from the ledger's one table, {@link ProblemCode}.
 */
final class ProblemAnswers {

    static final String MEDIA_TYPE = Problem.MEDIA_TYPE;

    private static final String SCHEMA = "Problem";
    private static final String ERROR_SCHEMA = "ValidationError";
    private static final Pattern CODE = Pattern.compile("`([a-z]+(?:_[a-z]+)+)`");

    /** What a shared code means, for calls whose own documentation does not mention it. */
    private static final Map<ProblemCode, String> SHARED = Map.of(
            ProblemCode.VALIDATION_FAILED,
            "`validation_failed`: the URL is not acceptable (an encoded slash or semicolon, `//`).",
            ProblemCode.IDEMPOTENCY_KEY_REUSE,
            "`idempotency_key_reuse`: the `Idempotency-Key` was used with another body or endpoint (a blank key or one"
                    + " over 255 characters is `validation_failed`).",
            ProblemCode.UNAUTHORIZED,
            "`unauthorized`: no bearer token, or one that is not valid (expired, not yet valid, wrongly signed, for"
                    + " another audience or issuer, no `sub`).",
            ProblemCode.IDEMPOTENCY_KEY_IN_USE,
            "`idempotency_key_in_use`: the first request with this `Idempotency-Key` is still running; retry later.",
            ProblemCode.RATE_LIMITED,
            "`rate_limited`: the caller went over its calls per second (`LEDGER_RATE_LIMIT_PER_SECOND`); nothing was"
                    + " stored. Retry after `Retry-After` seconds.",
            ProblemCode.INTERNAL_ERROR,
            "`internal_error`: the ledger failed to handle the request; it is logged for the operators.",
            ProblemCode.SERVICE_UNAVAILABLE,
            "`service_unavailable`: the ledger's database is unavailable (restarting, unreachable, out of"
                    + " connections), or the identity provider whose keys check the bearer token cannot be reached;"
                    + " nothing was recorded. Retry after `Retry-After` seconds, with the same `Idempotency-Key` for a"
                    + " POST.");

    private final Components components;

    ProblemAnswers(Components components) {
        this.components = components;
        components.addSchemas(ERROR_SCHEMA, errorSchema());
        components.addSchemas(SCHEMA, problemSchema());
        components.addHeaders(
                "RetryAfter",
                new Header().description("Seconds to wait before retrying.").schema(JsonSchemas.integer("int32")));
        components.addHeaders(
                "WwwAuthenticate",
                new Header()
                        .description("RFC 6750: `Bearer realm=\"ledger\"`, or the error (`invalid_token`,"
                                + " `insufficient_scope` with the scope needed).")
                        .schema(JsonSchemas.string()));
    }

    /** Gives the call every problem answer it can give, with the codes of each and an example per code. */
    void applyTo(Call call, List<String> scopes) {
        ApiResponses responses = call.operation().getResponses();
        Map<Integer, Set<ProblemCode>> codes = new TreeMap<>();
        Map<Integer, String> descriptions = new TreeMap<>();
        responses.forEach((status, response) -> {
            int code = Integer.parseInt(status);
            if (code >= 400) {
                codes.put(code, documentedCodes(call, response.getDescription()));
                descriptions.put(code, response.getDescription());
            }
        });
        share(codes, descriptions, 400, ProblemCode.VALIDATION_FAILED, SHARED.get(ProblemCode.VALIDATION_FAILED));
        if (!call.isPublic()) {
            share(codes, descriptions, 401, ProblemCode.UNAUTHORIZED, SHARED.get(ProblemCode.UNAUTHORIZED));
            share(codes, descriptions, 403, ProblemCode.FORBIDDEN, forbidden(scopes));
            share(codes, descriptions, 429, ProblemCode.RATE_LIMITED, SHARED.get(ProblemCode.RATE_LIMITED));
        }
        if (call.storesAnswersByKey()) {
            share(
                    codes,
                    descriptions,
                    400,
                    ProblemCode.IDEMPOTENCY_KEY_REUSE,
                    SHARED.get(ProblemCode.IDEMPOTENCY_KEY_REUSE));
            share(
                    codes,
                    descriptions,
                    409,
                    ProblemCode.IDEMPOTENCY_KEY_IN_USE,
                    SHARED.get(ProblemCode.IDEMPOTENCY_KEY_IN_USE));
        }
        share(codes, descriptions, 500, ProblemCode.INTERNAL_ERROR, SHARED.get(ProblemCode.INTERNAL_ERROR));
        share(codes, descriptions, 503, ProblemCode.SERVICE_UNAVAILABLE, SHARED.get(ProblemCode.SERVICE_UNAVAILABLE));
        codes.forEach((status, answered) ->
                responses.addApiResponse(String.valueOf(status), answer(status, answered, descriptions.get(status))));
    }

    private static String forbidden(List<String> scopes) {
        return scopes.isEmpty()
                ? "`forbidden`: the token does not allow this call."
                : "`forbidden`: the token's scopes include none of `" + String.join("`, `", scopes) + "`.";
    }

    private static void share(
            Map<Integer, Set<ProblemCode>> codes,
            Map<Integer, String> descriptions,
            int status,
            ProblemCode code,
            String meaning) {
        Set<ProblemCode> answered = codes.computeIfAbsent(status, ignored -> new LinkedHashSet<>());
        if (answered.add(code)) {
            String documented = descriptions.get(status);
            descriptions.put(status, documented == null || documented.isBlank() ? meaning : documented + " " + meaning);
        }
    }

    /** The codes a controller's {@code @ApiResponse} names; a name that is no code is a mistake worth failing on. */
    private static Set<ProblemCode> documentedCodes(Call call, String description) {
        Set<ProblemCode> codes = new LinkedHashSet<>();
        Matcher matcher = CODE.matcher(description == null ? "" : description);
        while (matcher.find()) {
            ProblemCode.of(matcher.group(1)).ifPresent(codes::add);
        }
        if (codes.isEmpty()) {
            throw new IllegalStateException(call + ": a problem answer must name its codes in backticks, as in"
                    + " \"`payment_not_found`: no payment has this id.\"; known codes: "
                    + Arrays.stream(ProblemCode.values()).map(ProblemCode::code).collect(Collectors.joining(", ")));
        }
        return codes;
    }

    private ApiResponse answer(int status, Set<ProblemCode> codes, String description) {
        Map<String, Example> examples = new LinkedHashMap<>();
        codes.forEach(code -> examples.put(code.code(), new Example().$ref(example(code, status))));
        ApiResponse answer = new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                MEDIA_TYPE,
                                new MediaType()
                                        .schema(JsonSchemas.reference(SCHEMA))
                                        .examples(examples)));
        if (status == 429 || status == 503) {
            answer.addHeaderObject("Retry-After", new Header().$ref("#/components/headers/RetryAfter"));
        }
        if (status == 401 || status == 403) {
            answer.addHeaderObject("WWW-Authenticate", new Header().$ref("#/components/headers/WwwAuthenticate"));
        }
        return answer;
    }

    /** The example of a code at a status, registered once; named after the code, and the status when unusual. */
    private String example(ProblemCode code, int status) {
        String name = status == code.status() ? code.code() : code.code() + "_" + status;
        if (components.getExamples() == null || !components.getExamples().containsKey(name)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", code.type());
            body.put("title", code.title());
            body.put("status", status);
            ProblemSamples.Sample sample = ProblemSamples.of(code);
            body.put("detail", status == 415 ? "Content-Type 'text/plain' is not supported." : sample.detail());
            body.put("instance", sample.instance());
            body.put("code", code.code());
            if (code == ProblemCode.VALIDATION_FAILED) {
                body.put(
                        "errors",
                        status == 400
                                ? List.of(Map.of("field", "amount", "message", "must be greater than 0"))
                                : List.of());
            }
            components.addExamples(
                    name,
                    new Example()
                            .summary("`" + code.code() + "` (" + status + ")")
                            .value(body));
        }
        return "#/components/examples/" + name;
    }

    private static Schema<Object> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", JsonSchemas.string().format("uri-reference").description("`/problems/<code>`."));
        properties.put(
                "title",
                JsonSchemas.string().description("A short summary of the `code`, the same for every problem of it."));
        properties.put("status", JsonSchemas.integer("int32").description("The HTTP status."));
        properties.put("detail", JsonSchemas.string().description("What went wrong, for people."));
        properties.put(
                "instance", JsonSchemas.string().format("uri-reference").description("The path that was called."));
        properties.put(
                "code",
                JsonSchemas.string()
                        .description("What went wrong, for programs; stable. One of "
                                + Arrays.stream(ProblemCode.values())
                                        .map(code -> "`" + code.code() + "`")
                                        .collect(Collectors.joining(", "))
                                + "."));
        properties.put(
                "errors",
                JsonSchemas.arrayOf(JsonSchemas.reference(ERROR_SCHEMA))
                        .description("With `validation_failed`, always (empty when no field can be named): the"
                                + " fields, query parameters or headers at fault."));
        return JsonSchemas.object()
                .description("An RFC 9457 problem: every error the ledger answers.")
                .required(new ArrayList<>(List.of("type", "title", "status", "detail", "instance", "code")))
                .properties(properties);
    }

    private static Schema<Object> errorSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("field", JsonSchemas.string().description("The field or parameter, as `metadata.k1`."));
        properties.put("message", JsonSchemas.string().description("What is wrong with it."));
        return JsonSchemas.object()
                .description("One field at fault.")
                .required(new ArrayList<>(List.of("field", "message")))
                .properties(properties);
    }
}
