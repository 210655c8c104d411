package io.ledger.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.Money;
import io.ledger.api.payment.DisputeLost;
import io.ledger.api.payment.DisputeOpened;
import io.ledger.api.payment.DisputeWon;
import io.ledger.api.payment.PaymentEvent;
import io.ledger.api.payment.PaymentFailed;
import io.ledger.api.payment.PaymentReconciled;
import io.ledger.api.payment.PaymentReconciliationMismatched;
import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.payment.PaymentSucceeded;
import io.ledger.api.payment.RefundFailed;
import io.ledger.api.payment.RefundRequested;
import io.ledger.api.payment.RefundSucceeded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random histories of payments (captures, partial refunds up to what remains, matched, mismatched and corrected
 * settlements, disputes opened, won (with or without the fee returned) and lost, and facts that move no money, in
 * several currencies) run through the posting rules into an in-memory
 * journal that, like the projection, looks up a payment's previous settlement to reverse it. After every fact the
 * journal must balance per currency and every account must hold what the payments' facts say it should.
 */
class JournalPropertiesTest {

    private static final List<String> CURRENCIES = List.of("usd", "eur", "jpy", "kwd");
    private static final long MAX_AMOUNT = 99_999_999L;
    private static final Instant SETTLED_AT = Instant.parse("2026-11-23T06:00:00Z");

    @Property(tries = 300)
    void journalBalancesAndMatchesThePaymentsAfterEveryFact(@ForAll("histories") List<Fact> history) {
        World world = new World();
        for (Fact fact : history) {
            Optional<PaymentEvent> event = world.next(fact);
            if (event.isEmpty()) {
                continue;
            }
            world.journal.post(event.get());
            world.checkInvariants();
        }
    }

    @Provide
    Arbitrary<List<Fact>> histories() {
        Arbitrary<Fact> fact = Combinators.combine(
                        Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.of(CURRENCIES),
                        Arbitraries.longs().between(1, MAX_AMOUNT),
                        Arbitraries.longs().between(0, MAX_AMOUNT))
                .as(Fact::new);
        return fact.list().ofMinSize(1).ofMaxSize(60);
    }

    enum Kind {
        SUCCEED,
        DECLINE,
        REFUND,
        REFUND_FAILS,
        SETTLE_MATCHED,
        SETTLE_MISMATCHED,
        DISPUTE,
        DISPUTE_WON,
        DISPUTE_LOST
    }

    /** A generated fact; {@code payment} picks an existing payment, the numbers are shaped into valid amounts. */
    record Fact(Kind kind, int payment, String currency, long a, long b) {}

    /** What the facts so far say about one payment. */
    static final class Payment {
        final PaymentId id;
        final Currency currency;
        final long amount;
        long refunded;
        boolean matched;
        /** The settlement in force: gross, fee, net; null while unsettled. */
        long[] settlement;
        /** Per dispute: amount, fee, fee returned, outcome (0 open, 1 won, 2 lost). */
        final List<long[]> disputes = new ArrayList<>();

        Payment(PaymentId id, Currency currency, long amount) {
            this.id = id;
            this.currency = currency;
            this.amount = amount;
        }
    }

    /** The payments (a model written independently of the posting rules) and the journal built from their facts. */
    static final class World {
        final List<Payment> payments = new ArrayList<>();
        final Journal journal = new Journal();
        int ids;

        /** The event the fact becomes, given the payments so far; empty when the aggregate would refuse it. */
        Optional<PaymentEvent> next(Fact fact) {
            if (payments.isEmpty() || fact.kind() == Kind.SUCCEED || fact.kind() == Kind.DECLINE) {
                Currency currency = Money.of(1, fact.currency()).currency();
                PaymentId id = PaymentId.of("pay_" + String.format("%024d", ++ids));
                if (fact.kind() == Kind.DECLINE) {
                    return Optional.of(new PaymentFailed(
                            id, new Money(fact.a(), currency), "card_declined", "declined", "pi", "pm", null, null));
                }
                Payment payment = new Payment(id, currency, fact.a());
                payments.add(payment);
                return Optional.of(new PaymentSucceeded(id, new Money(fact.a(), currency), "pi", "pm_card_visa", null));
            }
            Payment payment = payments.get(fact.payment() % payments.size());
            Currency currency = payment.currency;
            switch (fact.kind()) {
                case REFUND -> {
                    long remaining = payment.amount - payment.refunded;
                    if (remaining == 0) {
                        return Optional.empty();
                    }
                    long refund = 1 + (fact.a() - 1) % remaining;
                    payment.refunded += refund;
                    PaymentStatus leaves = payment.refunded == payment.amount
                            ? PaymentStatus.REFUNDED
                            : PaymentStatus.PARTIALLY_REFUNDED;
                    return Optional.of(new RefundSucceeded(
                            payment.id, RefundId.newId(), new Money(refund, currency), "re", null, leaves));
                }
                case REFUND_FAILS -> {
                    return Optional.of(
                            fact.b() % 2 == 0
                                    ? new RefundRequested(
                                            payment.id, RefundId.newId(), new Money(fact.a(), currency), null, null)
                                    : new RefundFailed(
                                            payment.id,
                                            RefundId.newId(),
                                            new Money(fact.a(), currency),
                                            "failed",
                                            "failed",
                                            null,
                                            null));
                }
                case SETTLE_MATCHED -> {
                    if (payment.matched) {
                        return Optional.empty();
                    }
                    long fee = fact.b() % (payment.amount + 1);
                    payment.matched = true;
                    payment.settlement = new long[] {payment.amount, fee, payment.amount - fee};
                    return Optional.of(new PaymentReconciled(
                            payment.id,
                            "st_" + fact.b(),
                            new Money(payment.amount, currency),
                            new Money(fee, currency),
                            new Money(payment.amount - fee, currency),
                            SETTLED_AT));
                }
                case SETTLE_MISMATCHED -> {
                    if (payment.matched) {
                        return Optional.empty();
                    }
                    long gross = fact.a() == payment.amount ? (fact.a() == MAX_AMOUNT ? 1 : fact.a() + 1) : fact.a();
                    long fee = fact.b() % (gross + 1);
                    payment.settlement = new long[] {gross, fee, gross - fee};
                    return Optional.of(new PaymentReconciliationMismatched(
                            payment.id,
                            "st_" + fact.b(),
                            new Money(payment.amount, currency),
                            new Money(gross, currency),
                            new Money(fee, currency),
                            new Money(gross - fee, currency),
                            SETTLED_AT));
                }
                case DISPUTE -> {
                    long disputed = 1 + (fact.a() - 1) % payment.amount;
                    long fee = fact.b() % 2_000;
                    payment.disputes.add(new long[] {disputed, fee, 0, 0});
                    return Optional.of(new DisputeOpened(
                            payment.id,
                            "dp_" + payment.disputes.size(),
                            new Money(disputed, currency),
                            new Money(fee, currency),
                            "fraudulent"));
                }
                case DISPUTE_WON, DISPUTE_LOST -> {
                    Optional<long[]> open = payment.disputes.stream()
                            .filter(dispute -> dispute[3] == 0)
                            .findFirst();
                    if (open.isEmpty()) {
                        return Optional.empty();
                    }
                    long[] dispute = open.get();
                    String disputeId = "dp_" + (payment.disputes.indexOf(dispute) + 1);
                    Money disputed = new Money(dispute[0], currency);
                    Money fee = new Money(dispute[1], currency);
                    if (fact.kind() == Kind.DISPUTE_LOST) {
                        dispute[3] = 2;
                        return Optional.of(new DisputeLost(payment.id, disputeId, disputed, fee));
                    }
                    dispute[2] = fact.b() % 2 == 0 ? dispute[1] : 0;
                    dispute[3] = 1;
                    return Optional.of(
                            new DisputeWon(payment.id, disputeId, disputed, fee, new Money(dispute[2], currency)));
                }
                default -> throw new IllegalStateException(fact.kind().name());
            }
        }

        void checkInvariants() {
            Map<String, long[]> totals = journal.totalsPerCurrency();
            totals.forEach((currency, sums) ->
                    assertThat(sums[0]).as("debits = credits in " + currency).isEqualTo(sums[1]));
            assertThat(journal.lines).allMatch(line -> line.debit() > 0 != line.credit() > 0);

            Map<String, Map<Account, Long>> expected = new TreeMap<>();
            for (Payment payment : payments) {
                String currency = payment.currency.getCurrencyCode();
                long clearing = payment.amount - payment.refunded - (payment.settlement == null ? 0 : payment.amount);
                assertThat(journal.paymentBalance(payment.id.value(), Account.PROCESSOR_CLEARING))
                        .as("processor_clearing of " + payment.id)
                        .isEqualTo(clearing);
                if (payment.settlement == null) {
                    assertThat(clearing).as("unsettled clearing never negative").isNotNegative();
                } else if (payment.refunded == 0) {
                    assertThat(clearing)
                            .as("settled, unrefunded payment cleared")
                            .isZero();
                }
                Map<Account, Long> balances = expected.computeIfAbsent(currency, key -> new HashMap<>());
                balances.merge(Account.CUSTOMER_PAYMENTS, -payment.amount, Long::sum);
                balances.merge(Account.REFUNDS, payment.refunded, Long::sum);
                balances.merge(Account.PROCESSOR_CLEARING, clearing, Long::sum);
                if (payment.settlement != null) {
                    long[] settlement = payment.settlement;
                    balances.merge(Account.PROCESSING_FEES, settlement[1], Long::sum);
                    balances.merge(Account.PROCESSOR_BALANCE, settlement[2], Long::sum);
                    balances.merge(Account.RECONCILIATION_DIFFERENCES, payment.amount - settlement[0], Long::sum);
                }
                for (long[] dispute : payment.disputes) {
                    long withdrawn = dispute[0] + dispute[1];
                    balances.merge(Account.PROCESSOR_BALANCE, -withdrawn, Long::sum);
                    if (dispute[3] == 0) {
                        balances.merge(Account.DISPUTED_FUNDS, withdrawn, Long::sum);
                    } else if (dispute[3] == 1) {
                        balances.merge(Account.PROCESSOR_BALANCE, dispute[0] + dispute[2], Long::sum);
                        balances.merge(Account.DISPUTE_FEES, dispute[1] - dispute[2], Long::sum);
                    } else {
                        balances.merge(Account.DISPUTE_LOSSES, dispute[0], Long::sum);
                        balances.merge(Account.DISPUTE_FEES, dispute[1], Long::sum);
                    }
                }
            }
            for (String currency : expected.keySet()) {
                for (Account account : Account.values()) {
                    assertThat(journal.currencyBalance(currency, account))
                            .as(account.code() + " in " + currency)
                            .isEqualTo(expected.get(currency).getOrDefault(account, 0L));
                }
            }
        }
    }

    /** Lines as the projection writes them, and the same look-up of a payment's previous settlement. */
    static final class Journal {
        final List<Line> lines = new ArrayList<>();
        int events;

        void post(PaymentEvent event) {
            int index = ++events;
            String paymentId = event.paymentId().value();
            Optional<JournalEntry> previous =
                    PostingRules.isSettlement(event) ? previousSettlement(paymentId) : Optional.empty();
            for (JournalEntry entry : PostingRules.post(event, previous)) {
                for (PostingLine line : entry.lines()) {
                    lines.add(new Line(
                            index,
                            paymentId,
                            entry.kind(),
                            entry.currency().getCurrencyCode(),
                            line.account(),
                            line.debit(),
                            line.credit()));
                }
            }
        }

        Optional<JournalEntry> previousSettlement(String paymentId) {
            Optional<Integer> last = lines.stream()
                    .filter(line -> line.paymentId().equals(paymentId) && line.kind() == EntryKind.SETTLEMENT)
                    .map(Line::event)
                    .max(Comparator.naturalOrder());
            if (last.isEmpty()) {
                return Optional.empty();
            }
            List<Line> settlement = lines.stream()
                    .filter(line -> line.event() == last.get() && line.kind() == EntryKind.SETTLEMENT)
                    .toList();
            return Optional.of(new JournalEntry(
                    paymentId,
                    Currency.getInstance(settlement.get(0).currency()),
                    EntryKind.SETTLEMENT,
                    settlement.stream()
                            .map(line -> line.debit() > 0
                                    ? PostingLine.debit(line.account(), line.debit())
                                    : PostingLine.credit(line.account(), line.credit()))
                            .toList()));
        }

        Map<String, long[]> totalsPerCurrency() {
            Map<String, long[]> totals = new TreeMap<>();
            for (Line line : lines) {
                long[] sums = totals.computeIfAbsent(line.currency(), key -> new long[2]);
                sums[0] = Math.addExact(sums[0], line.debit());
                sums[1] = Math.addExact(sums[1], line.credit());
            }
            return totals;
        }

        /** Debits minus credits of the account for one payment. */
        long paymentBalance(String paymentId, Account account) {
            return lines.stream()
                    .filter(line -> line.paymentId().equals(paymentId) && line.account() == account)
                    .mapToLong(line -> line.debit() - line.credit())
                    .sum();
        }

        /** Debits minus credits of the account in one currency, all payments. */
        long currencyBalance(String currency, Account account) {
            return lines.stream()
                    .filter(line -> line.currency().equals(currency) && line.account() == account)
                    .mapToLong(line -> line.debit() - line.credit())
                    .sum();
        }
    }

    record Line(
            int event, String paymentId, EntryKind kind, String currency, Account account, long debit, long credit) {}
}
