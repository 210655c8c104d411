package io.ledger.query.audit;

import io.ledger.query.QuerySideConfiguration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;

/**
 * The live projection beans of the query side, each wrapped as Axon wraps it for its processor, so that a scratch
 * replay runs exactly the projections' own code. Keyed by processing group (the processor's name). A projection
 * without an entry in {@link ReadModelTables} is refused: its read model could not be compared. A processor that
 * refuses replays ({@code @DisallowReplay}: the receipts, kept records that are never rebuilt) is no read model and
 * is left out.
 */
@Component
class ProjectionHandlers {

    private final ApplicationContext context;
    private volatile Map<String, List<AnnotationEventHandlerAdapter>> handlers;

    ProjectionHandlers(ApplicationContext context) {
        this.context = context;
    }

    Map<String, List<AnnotationEventHandlerAdapter>> all() {
        if (handlers == null) {
            Map<String, List<AnnotationEventHandlerAdapter>> found = new TreeMap<>();
            String querySide = QuerySideConfiguration.class.getPackageName() + ".";
            context.getBeansWithAnnotation(ProcessingGroup.class).values().forEach(bean -> {
                Class<?> type = AopUtils.getTargetClass(bean);
                if (!type.getName().startsWith(querySide)
                        || AnnotationUtils.findAnnotation(type, DisallowReplay.class) != null) {
                    // Kept records (receipts) are no read model: never rebuilt, so never compared with a rebuild.
                    return;
                }
                String group = AnnotationUtils.findAnnotation(type, ProcessingGroup.class)
                        .value();
                ReadModelTables.of(group);
                found.computeIfAbsent(group, name -> new ArrayList<>())
                        .add(new AnnotationEventHandlerAdapter(bean, ClasspathParameterResolverFactory.forClass(type)));
            });
            handlers = Collections.unmodifiableMap(found);
        }
        return handlers;
    }

    List<AnnotationEventHandlerAdapter> of(String processor) {
        List<AnnotationEventHandlerAdapter> found = all().get(processor);
        if (found == null) {
            throw new IllegalStateException("no projection for processor " + processor);
        }
        return found;
    }

    /** Hands the event to each of the projections that has a handler for it. */
    static void handle(List<AnnotationEventHandlerAdapter> projections, EventMessage<?> event) {
        for (AnnotationEventHandlerAdapter projection : projections) {
            try {
                if (projection.canHandle(event)) {
                    projection.handle(event);
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("a projection failed on event " + event.getIdentifier(), e);
            }
        }
    }
}
