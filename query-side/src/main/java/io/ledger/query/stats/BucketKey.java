package io.ledger.query.stats;

import io.ledger.api.payment.Provider;
import java.time.LocalDate;
import java.util.Comparator;

/** A stats bucket: one UTC day, one currency (lowercase ISO 4217), one provider. Ordered by day, currency, provider. */
record BucketKey(LocalDate day, String currency, Provider provider) implements Comparable<BucketKey> {

    private static final Comparator<BucketKey> ORDER = Comparator.comparing(BucketKey::day)
            .thenComparing(BucketKey::currency)
            .thenComparing(BucketKey::provider);

    @Override
    public int compareTo(BucketKey other) {
        return ORDER.compare(this, other);
    }
}
