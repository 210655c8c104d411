package io.ledger.app.cluster;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether either cluster address is set: decides whether the cluster's beans exist, read before anything is bound. One
 * set without the other still makes them, and {@link ClusterSettings} then stops the start saying why.
 */
class ClusterConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Binder binder = Binder.get(context.getEnvironment());
        boolean bind = binder.bind("ledger.cluster.bind", String.class)
                .map(value -> !value.isBlank())
                .orElse(false);
        boolean members = binder.bind("ledger.cluster.members", Bindable.listOf(String.class))
                .map(list -> list.stream().anyMatch(member -> !member.isBlank()))
                .orElse(false);
        return bind || members;
    }
}
