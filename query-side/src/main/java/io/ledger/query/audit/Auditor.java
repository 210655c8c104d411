package io.ledger.query.audit;

import io.ledger.api.ledger.AccountListView;
import io.ledger.api.ledger.FindTrialBalanceQuery;
import io.ledger.api.ledger.ListAccountsQuery;
import io.ledger.api.ledger.TrialBalanceView;
import io.ledger.api.payment.ListPaymentsQuery;
import io.ledger.api.payment.PaymentFilter;
import io.ledger.api.payment.PaymentPage;
import io.ledger.api.payment.PaymentSort;
import io.ledger.api.payment.PaymentView;
import io.ledger.query.payment.InvalidQueryParameter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an auditor can ask, over HTTP ({@code AuditController}) or from the command line (the ledger app's
 * {@code audit} runner): verification, export of the log, signed digests, and the ledger as it stood at an instant.
 */
@Component
public class Auditor {

    private static final int FETCH = 2000;
    private static final List<String> AS_OF_READ_MODELS = List.of("payment-history", "journal");

    private final ChainVerifier chain;
    private final ReadModelVerifier readModels;
    private final AuditLog log;
    private final DigestSigner signer;
    private final ProjectionHandlers projections;
    private final EventMessages messages;
    private final QueryGateway queries;
    private final JsonMapper json;
    private final JdbcTemplate jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate snapshot;
    private final Clock clock = Clock.systemUTC();

    Auditor(
            ChainVerifier chain,
            ReadModelVerifier readModels,
            AuditLog log,
            DigestSigner signer,
            ProjectionHandlers projections,
            EventMessages messages,
            QueryGateway queries,
            JsonMapper json,
            DataSource dataSource,
            PlatformTransactionManager transactionManager) {
        this.chain = chain;
        this.readModels = readModels;
        this.log = log;
        this.signer = signer;
        this.projections = projections;
        this.messages = messages;
        this.queries = queries;
        this.json = json;
        this.jdbc = new JdbcTemplate(dataSource);
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(FETCH);
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** The chain recomputed, and, when asked, every read model compared with a fresh replay. */
    public VerificationReport verify(boolean compareReadModels) {
        ChainReport chainReport = chain.verify();
        return VerificationReport.of(chainReport, compareReadModels ? readModels.verify() : null);
    }

    /** Writes the global log after {@code afterIndex} as NDJSON (at most {@code limit} events); answers how many. */
    public long export(long afterIndex, long limit, OutputStream out) {
        return log.export(afterIndex, limit, out);
    }

    /** The head of the chain, signed. */
    public ChainDigest digest() {
        ChainHead head = jdbc.queryForObject(
                "SELECT global_index, hash, events FROM audit_chain_head",
                (rs, rowNum) -> new ChainHead(rs.getLong("global_index"), rs.getBytes("hash"), rs.getLong("events")));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String hash = EventHash.hex(head.hash());
        return new ChainDigest(
                head.globalIndex(),
                hash,
                now,
                signer.publicKey(),
                signer.sign(ChainDigest.signedBytes(head.globalIndex(), hash, now)));
    }

    /** A kept digest checked against the ledger as it is now. Malformed digests are {@link InvalidQueryParameter}s. */
    public DigestVerification verify(ChainDigest digest) {
        if (digest.globalIndex() < 0) {
            throw new InvalidQueryParameter("globalIndex", "must be 0 or more");
        }
        if (digest.hash() == null || !digest.hash().matches("[0-9a-f]{64}")) {
            throw new InvalidQueryParameter("hash", "must be 64 lower-case hex digits");
        }
        if (digest.createdAt() == null) {
            throw new InvalidQueryParameter("createdAt", "is required");
        }
        if (digest.signature() == null || digest.signature().isBlank()) {
            throw new InvalidQueryParameter("signature", "is required");
        }
        boolean signatureValid = signer.verify(
                ChainDigest.signedBytes(digest.globalIndex(), digest.hash(), digest.createdAt()), digest.signature());
        if (digest.publicKey() != null && !digest.publicKey().equals(signer.publicKey())) {
            signatureValid = false;
        }
        String chained = digest.globalIndex() == 0
                ? EventHash.hex(EventHash.GENESIS)
                : jdbc
                        .queryForList(
                                "SELECT encode(hash, 'hex') FROM audit_chain WHERE global_index = ?",
                                String.class,
                                digest.globalIndex())
                        .stream()
                        .findFirst()
                        .orElse(null);
        boolean chainMatches = digest.hash().equals(chained);
        ChainReport recomputed = chain.verify(digest.globalIndex());
        boolean logRecomputes = recomputed.chainValid()
                && recomputed.lastIndex() == digest.globalIndex()
                && digest.hash().equals(recomputed.lastHash());
        String detail;
        if (!signatureValid) {
            detail = "the signature is not this ledger's signature of the digest";
        } else if (!chainMatches) {
            detail = chained == null
                    ? "the chain has no event at global index " + digest.globalIndex()
                    : "the chain's hash at global index " + digest.globalIndex() + " is now " + chained;
        } else if (!logRecomputes) {
            detail = recomputed.firstMismatch() != null
                    ? "the stored events no longer recompute to the chain: " + recomputed.firstMismatch()
                    : "the stored events up to global index " + digest.globalIndex() + " recompute to "
                            + recomputed.lastHash();
        } else {
            detail = "the log up to global index " + digest.globalIndex() + " is the one the digest signed";
        }
        return new DigestVerification(
                signatureValid && chainMatches && logRecomputes, signatureValid, chainMatches, logRecomputes, detail);
    }

    /**
     * The ledger as it stood at {@code asOf}, replayed from the events stamped at or before it into scratch copies of
     * the payment history and the journal: a first line with the trial balance and the accounts' balances, then one
     * line per payment (oldest first). Answers the number of events replayed.
     */
    public long replayAsOf(Instant asOf, OutputStream out) {
        return snapshot.execute(status -> {
            status.setRollbackOnly();
            ScratchSchema.create(
                    jdbc,
                    AS_OF_READ_MODELS.stream()
                            .flatMap(processor -> ReadModelTables.of(processor).keySet().stream())
                            .toList());
            ScratchFeed feed = new ScratchFeed();
            cursor.query("SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry ORDER BY global_index", rs -> {
                StoredEvent event = StoredEvent.read(rs);
                if (!Instant.parse(event.timeStamp()).isAfter(asOf)) {
                    var message = messages.of(event);
                    AS_OF_READ_MODELS.forEach(processor -> feed.deliver(projections.of(processor), message));
                }
            });
            feed.flush();
            long events = feed.delivered() / AS_OF_READ_MODELS.size();
            TrialBalanceView trialBalance = queries.query(
                            new FindTrialBalanceQuery(asOf), ResponseTypes.instanceOf(TrialBalanceView.class))
                    .join();
            AccountListView accounts = queries.query(
                            new ListAccountsQuery(), ResponseTypes.instanceOf(AccountListView.class))
                    .join();
            line(
                    out,
                    Map.of("asOf", asOf, "eventsReplayed", events, "trialBalance", trialBalance, "accounts", accounts));
            String cursorValue = null;
            PaymentFilter all =
                    new PaymentFilter(null, null, null, null, null, null, null, null, null, null, null, true);
            do {
                PaymentPage page = queries.query(
                                new ListPaymentsQuery(all, PaymentSort.CREATED_AT, true, 100, cursorValue),
                                ResponseTypes.instanceOf(PaymentPage.class))
                        .join();
                for (PaymentView payment : page.data()) {
                    line(out, payment);
                }
                cursorValue = page.hasMore() ? page.nextCursor() : null;
            } while (cursorValue != null);
            flush(out);
            return events;
        });
    }

    private void line(OutputStream out, Object value) {
        try {
            out.write(json.writeValueAsBytes(value));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flush(OutputStream out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
