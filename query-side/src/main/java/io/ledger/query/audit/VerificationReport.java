package io.ledger.query.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer of {@code GET /api/audit/verify} and of {@code audit verify}: the chain recomputed from the stored events
 * ({@code eventsChecked}, {@code chainValid}), every read model compared with a fresh replay
 * ({@code readModelsConsistent}; null when not compared), the first mismatch of each ({@code mismatches}), and the
 * details of both checks.
 */
public record VerificationReport(
        long eventsChecked,
        long eventsUnchained,
        boolean chainValid,
        Boolean readModelsConsistent,
        List<Mismatch> mismatches,
        ChainReport chain,
        ReadModelReport readModels) {

    static VerificationReport of(ChainReport chain, ReadModelReport readModels) {
        List<Mismatch> mismatches = new ArrayList<>();
        if (chain.firstMismatch() != null) {
            mismatches.add(Mismatch.of(chain.firstMismatch()));
        }
        if (readModels != null && readModels.firstMismatch() != null) {
            mismatches.add(Mismatch.of(readModels.firstMismatch()));
        }
        return new VerificationReport(
                chain.eventsChecked(),
                chain.eventsUnchained(),
                chain.chainValid(),
                readModels == null ? null : readModels.consistent(),
                List.copyOf(mismatches),
                chain,
                readModels);
    }

    /** Both checks ran and found nothing. */
    public boolean passed() {
        return chainValid && !Boolean.FALSE.equals(readModelsConsistent);
    }
}
