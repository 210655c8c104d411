package io.ledger.app.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The headers every call shares: {@code X-Request-Id} both ways, {@code Idempotency-Key} on every POST and
 * {@code Idempotent-Replayed} where answers are stored by key. Components are referenced, never repeated.
 */
final class RequestHeaders {

    static final String REQUEST_ID = "X-Request-Id";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private static final String REQUEST_ID_COMPONENT = "RequestId";
    private static final String STORED_KEY_COMPONENT = "IdempotencyKey";
    private static final String UNSTORED_KEY_COMPONENT = "IdempotencyKeyNotStored";
    private static final String REPLAYED_COMPONENT = "IdempotentReplayed";

    private RequestHeaders() {}

    static void addComponentsTo(Components components) {
        components.addParameters(
                REQUEST_ID_COMPONENT,
                new Parameter()
                        .in("header")
                        .name(REQUEST_ID)
                        .required(false)
                        .description("""
                                The caller's id for this request: up to 200 visible ASCII characters and spaces. It is \
                                echoed in the answer and recorded as the `correlationId` of every event the request \
                                causes. Without one (or with one that does not qualify) the ledger makes one up.""")
                        .schema(requestIdSchema())
                        .example("order-1001-create"));
        components.addParameters(
                STORED_KEY_COMPONENT,
                new Parameter()
                        .in("header")
                        .name(IDEMPOTENCY_KEY)
                        .required(false)
                        .description("""
                                Makes the call safe to retry, with Stripe's semantics. The first request's status and \
                                body are stored with the key (2xx answers only, in the transaction of its events); a \
                                retry with the same key and body gets them back with `Idempotent-Replayed: true` and \
                                causes nothing new. The same key with another body or endpoint is 400 \
                                `idempotency_key_reuse`; while the first request runs, 409 `idempotency_key_in_use`. \
                                Keys belong to the caller (the token's `sub`) and are kept 24 hours.""")
                        .schema(JsonSchemas.string().minLength(1).maxLength(255))
                        .example("order-1001"));
        components.addParameters(
                UNSTORED_KEY_COMPONENT,
                new Parameter()
                        .in("header")
                        .name(IDEMPOTENCY_KEY)
                        .required(false)
                        .description("""
                                Accepted, as on every POST, but this call does not store its answers by key: a \
                                redelivery of the same Stripe event is recognised by the event's id instead.""")
                        .schema(JsonSchemas.string().minLength(1).maxLength(255))
                        .example("retry-2026-11-22-1"));
        components.addHeaders(
                REQUEST_ID_COMPONENT,
                new Header()
                        .description("The request's id: the caller's own when it sent a sane one, else a new UUID.")
                        .schema(requestIdSchema()));
        components.addHeaders(
                REPLAYED_COMPONENT,
                new Header()
                        .description("`true` when this is the stored answer of an earlier request with the same key.")
                        .schema(JsonSchemas.string()._enum(List.of("true"))));
    }

    /** Adds the shared request and response headers to the call, replacing any it declares itself. */
    static void applyTo(Call call) {
        List<Parameter> parameters = new ArrayList<>();
        if (call.operation().getParameters() != null) {
            call.operation().getParameters().stream()
                    .filter(parameter -> !isShared(parameter))
                    .forEach(parameters::add);
        }
        parameters.add(reference(REQUEST_ID_COMPONENT));
        if (call.method() == HttpMethod.POST) {
            parameters.add(reference(call.storesAnswersByKey() ? STORED_KEY_COMPONENT : UNSTORED_KEY_COMPONENT));
        }
        call.operation().setParameters(parameters);
        call.operation().getResponses().forEach((status, response) -> {
            if (response.getHeaders() == null) {
                response.setHeaders(new LinkedHashMap<>());
            }
            response.getHeaders().put(REQUEST_ID, new Header().$ref("#/components/headers/" + REQUEST_ID_COMPONENT));
            if (call.storesAnswersByKey() && status.startsWith("2")) {
                response.getHeaders().put(REPLAYED, new Header().$ref("#/components/headers/" + REPLAYED_COMPONENT));
            }
        });
    }

    private static boolean isShared(Parameter parameter) {
        return "header".equals(parameter.getIn())
                && Set.of(REQUEST_ID.toLowerCase(), IDEMPOTENCY_KEY.toLowerCase())
                        .contains(parameter.getName().toLowerCase());
    }

    private static Parameter reference(String component) {
        return new Parameter().$ref("#/components/parameters/" + component);
    }

    private static Schema<Object> requestIdSchema() {
        return JsonSchemas.string().maxLength(200);
    }
}
