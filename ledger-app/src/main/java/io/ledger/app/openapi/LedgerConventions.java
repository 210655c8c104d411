package io.ledger.app.openapi;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What every call of the description shares, in one place: the request and response headers, the bearer token and
 * the scope each call needs, the problem answers, the example bodies, and the facts about the answers' schemas. The
 * controllers' annotations say only what is particular to each call.
 */
final class LedgerConventions implements OpenApiCustomizer {

    private static final Pattern SCHEMA_REFERENCE = Pattern.compile("\"#/components/schemas/([^\"]+)\"");

    private final BodyExamples examples = BodyExamples.load();

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents();
        RequestHeaders.addComponentsTo(components);
        ProblemAnswers problems = new ProblemAnswers(components);
        SchemaFacts.applyTo(components.getSchemas());
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    Call call = new Call(method, path, operation);
                    Optional<List<String>> scopes = CallerScopes.scopesFor(method, path);
                    examples.applyTo(call);
                    problems.applyTo(call, scopes.orElse(List.of()));
                    RequestHeaders.applyTo(call);
                    secure(call, scopes);
                }));
        examples.checkAllUsed();
        api.setTags(uniqueTags(api.getTags()));
        dropUnusedSchemas(api);
    }

    /**
     * Springdoc registers the schema of every return type, even where an annotation describes the body instead (a
     * {@code StreamingResponseBody}); a schema that nothing refers to is dropped.
     */
    private static void dropUnusedSchemas(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Map<String, Schema> all = new LinkedHashMap<>(schemas);
        schemas.clear();
        Set<String> used = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(references(api));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (used.add(name) && all.containsKey(name)) {
                pending.addAll(references(all.get(name)));
            }
        }
        all.forEach((name, schema) -> {
            if (used.contains(name)) {
                schemas.put(name, schema);
            }
        });
    }

    private static Set<String> references(Object part) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = SCHEMA_REFERENCE.matcher(Json31.pretty(part));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The call's token and scope, in the security requirement and in words. */
    private static void secure(Call call, Optional<List<String>> scopes) {
        if (scopes.isEmpty()) {
            call.operation().setSecurity(List.of());
            return;
        }
        // One requirement per scope: any one of them allows the call.
        call.operation()
                .setSecurity(
                        scopes.get().isEmpty()
                                ? List.of(new SecurityRequirement().addList(CallerScopes.SCHEME))
                                : scopes.get().stream()
                                        .map(scope -> new SecurityRequirement().addList(CallerScopes.SCHEME, scope))
                                        .toList());
        String needs = scopes.get().isEmpty()
                ? "Needs a bearer token."
                : "Needs scope `" + String.join("` or `", scopes.get()) + "`.";
        String description = call.operation().getDescription();
        if (description == null) {
            call.operation().setDescription(needs);
        } else if (!description.endsWith(needs)) {
            call.operation().setDescription(description + "\n\n" + needs);
        }
    }

    /** Springdoc adds a name-only tag per controller; the described ones of the configuration come first. */
    private static List<Tag> uniqueTags(List<Tag> tags) {
        Map<String, Tag> unique = new LinkedHashMap<>();
        if (tags != null) {
            tags.forEach(tag ->
                    unique.merge(tag.getName(), tag, (first, later) -> first.getDescription() != null ? first : later));
        }
        return new ArrayList<>(unique.values());
    }
}
