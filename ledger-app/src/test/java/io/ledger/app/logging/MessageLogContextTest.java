package io.ledger.app.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledger.api.metadata.EventMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class MessageLogContextTest {

    private final MessageLogContext context = new MessageLogContext();
    private final List<String> seen = new ArrayList<>();

    @AfterEach
    void clearContext() {
        MDC.clear();
    }

    @Test
    void whileAnEventIsHandledTheContextNamesTheRequestAndActorThatCausedIt() throws Exception {
        context.handle(unitOfWork(Map.of(EventMetadata.CORRELATION_ID, "req-9", EventMetadata.ACTOR, "shop")), () -> {
            seen.add(MDC.get(LogContext.REQUEST_ID));
            seen.add(MDC.get(LogContext.CALLER));
            return null;
        });

        assertThat(seen).containsExactly("req-9", "shop");
        assertThat(MDC.get(LogContext.REQUEST_ID)).isNull();
        assertThat(MDC.get(LogContext.CALLER)).isNull();
    }

    @Test
    void whatTheContextHeldBeforeIsPutBackEvenWhenTheHandlerFails() {
        MDC.put(LogContext.REQUEST_ID, "req-outer");
        MDC.put(LogContext.CALLER, "outer-caller");

        assertThatThrownBy(() -> context.handle(
                        unitOfWork(Map.of(EventMetadata.CORRELATION_ID, "req-inner", EventMetadata.ACTOR, "inner")),
                        () -> {
                            throw new IllegalStateException("projection failed");
                        }))
                .hasMessage("projection failed");

        assertThat(MDC.get(LogContext.REQUEST_ID)).isEqualTo("req-outer");
        assertThat(MDC.get(LogContext.CALLER)).isEqualTo("outer-caller");
    }

    @Test
    void anEventWithoutThatMetadataLeavesNoneOfTheOuterContextOnItsLines() throws Exception {
        MDC.put(LogContext.REQUEST_ID, "req-outer");

        context.handle(unitOfWork(Map.of()), () -> {
            seen.add(String.valueOf(MDC.get(LogContext.REQUEST_ID)));
            return null;
        });

        assertThat(seen).containsExactly("null");
        assertThat(MDC.get(LogContext.REQUEST_ID)).isEqualTo("req-outer");
    }

    private static UnitOfWork<EventMessage<?>> unitOfWork(Map<String, String> metadata) {
        return DefaultUnitOfWork.startAndGet(
                GenericEventMessage.<Object>asEventMessage("an event").withMetaData(MetaData.from(metadata)));
    }
}
