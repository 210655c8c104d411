package io.ledger.app.openapi;

import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashSet;
import java.util.List;

/** Schemas built in code, typed as OpenAPI 3.1 writes them: {@code type} from the schema's set of types. */
final class JsonSchemas {

    private JsonSchemas() {}

    static Schema<Object> typed(String... types) {
        Schema<Object> schema = new Schema<>();
        schema.setTypes(new LinkedHashSet<>(List.of(types)));
        return schema;
    }

    static Schema<Object> string() {
        return typed("string");
    }

    static Schema<Object> integer(String format) {
        return typed("integer").format(format);
    }

    static Schema<Object> object() {
        return typed("object");
    }

    static Schema<Object> arrayOf(Schema<?> items) {
        return typed("array").items(items);
    }

    static Schema<Object> reference(String component) {
        return new Schema<>().$ref("#/components/schemas/" + component);
    }
}
