package io.ledger.command.payment;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Rejects request text containing a NUL character (JSON {@code \u0000}), which PostgreSQL cannot store in text or
 * jsonb: the request gets a 400 naming the field instead of failing in the database.
 */
@Component
class TextWithoutNul extends SimpleModule {

    private static final String MESSAGE = "must not contain NUL characters";

    TextWithoutNul() {
        super("text-without-nul");
        addDeserializer(String.class, new Values());
        addKeyDeserializer(String.class, new Keys());
    }

    private static final class Values extends StdScalarDeserializer<String> {

        Values() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                return context.reportInputMismatch(this, MESSAGE);
            }
            return value;
        }
    }

    private static final class Keys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            if (key.indexOf('\0') >= 0) {
                return context.handleWeirdKey(String.class, key, MESSAGE);
            }
            return key;
        }
    }
}
