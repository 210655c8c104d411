package io.ledger.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A finding of a verification: {@code kind} {@code event} (the event log disagrees with its hash chain; see
 * {@link ChainMismatch} for {@code problem}) or {@code read_model} (a read model differs from its replay).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Mismatch(
        String kind,
        Long globalIndex,
        String eventId,
        String aggregateId,
        Long sequence,
        String problem,
        List<String> differs,
        String readModel,
        String table,
        String liveRow,
        String replayedRow) {

    static Mismatch of(ChainMismatch event) {
        return new Mismatch(
                "event",
                event.globalIndex(),
                event.eventIdentifier(),
                event.aggregateIdentifier(),
                event.sequenceNumber(),
                event.problem(),
                event.differs(),
                null,
                null,
                null,
                null);
    }

    static Mismatch of(ReadModelReport.ReadModelMismatch readModel) {
        return new Mismatch(
                "read_model",
                null,
                null,
                null,
                null,
                "differs",
                null,
                readModel.readModel(),
                readModel.table(),
                readModel.liveRow(),
                readModel.replayedRow());
    }
}
