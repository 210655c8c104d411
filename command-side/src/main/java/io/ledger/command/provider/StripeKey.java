package io.ledger.command.provider;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Which provider runs: the Stripe provider when {@code stripe.secret-key} (env {@code STRIPE_SECRET_KEY}) has text, the
 * simulated one when it is missing or blank. Both beans carry one of these conditions, so exactly one provider exists
 * whatever the order in which configurations are read. The key's value is only tested, never logged.
 */
public final class StripeKey {

    public static final String PROPERTY = "stripe.secret-key";

    private StripeKey() {}

    static boolean configured(ConditionContext context) {
        return StringUtils.hasText(context.getEnvironment().getProperty(PROPERTY));
    }

    /** {@code stripe.secret-key} is set: Stripe moves the money. */
    public static final class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return configured(context);
        }
    }

    /** {@code stripe.secret-key} is missing or blank: the simulated provider stands in. */
    public static final class Missing implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !configured(context);
        }
    }
}
