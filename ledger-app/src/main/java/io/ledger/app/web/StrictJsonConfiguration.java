package io.ledger.app.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Text fields take JSON strings only: {@code "customerId": 123}, {@code "metadata": {"a": 1.5}} or
 * {@code "reason": true} are malformed input (400), not values to convert. Jackson would otherwise turn them into
 * {@code "123"}, {@code "1.5"} and {@code "true"}. (Numbers for text are the only scalar coercion it still allows with
 * the properties in application.properties.)
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer textTakesOnlyStrings() {
        return builder -> builder.withCoercionConfig(
                LogicalType.Textual,
                text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
