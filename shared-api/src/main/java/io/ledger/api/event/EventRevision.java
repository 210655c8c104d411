package io.ledger.api.event;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The revision of an event's stored shape, stored beside its payload. An event without it is at its first shape; one
 * that changed shape names its new revision, and an upcaster reads the older stored shapes as the current one. The event
 * store reads this annotation (so shared-api stays free of Axon).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventRevision {

    /** The revision, e.g. {@code "2"}. */
    String value();
}
