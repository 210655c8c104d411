package io.ledger.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.support.LedgerIntegrationTest;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An aggregate's events read back whole and in order, however their count falls against the engine's read batches of
 * 100 sequence numbers: the engine stops at the first short batch instead of reading until an empty one.
 */
@LedgerIntegrationTest
class AggregateReadIT {

    /** No projection handles it: the read models never hear of these streams. */
    record Probe(long n) {}

    @Autowired
    EventStorageEngine engine;

    @Autowired
    PlatformTransactionManager transactions;

    @ParameterizedTest
    @ValueSource(ints = {1, 99, 100, 101, 200, 250})
    void everyEventOfAStreamIsReadInOrder(int count) {
        String aggregate = "probe_" + UUID.randomUUID();
        List<DomainEventMessage<?>> events = LongStream.range(0, count)
                .<DomainEventMessage<?>>mapToObj(
                        n -> new GenericDomainEventMessage<>("Probe", aggregate, n, new Probe(n)))
                .toList();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> engine.appendEvents(events));

        List<Long> read = engine.readEvents(aggregate, 0)
                .asStream()
                .map(DomainEventMessage::getSequenceNumber)
                .toList();
        List<Long> fromTheMiddle = engine.readEvents(aggregate, count / 2)
                .asStream()
                .map(DomainEventMessage::getSequenceNumber)
                .toList();

        assertThat(read)
                .containsExactlyElementsOf(LongStream.range(0, count).boxed().toList());
        assertThat(fromTheMiddle)
                .containsExactlyElementsOf(
                        LongStream.range(count / 2, count).boxed().toList());
        assertThat(engine.readEvents(aggregate, 0).asStream().map(e -> ((Probe) e.getPayload()).n()))
                .containsExactlyElementsOf(LongStream.range(0, count).boxed().toList());
    }
}
