package io.ledger.command.payment;

import io.ledger.api.problem.InvalidField;
import io.ledger.api.problem.Problem;
import io.ledger.command.metadata.CommandMetadata;
import io.ledger.command.payment.BatchFailures.AtomicBatchRefused;
import io.ledger.command.payment.BatchItems.Item;
import io.ledger.command.payment.BatchItems.Ready;
import io.ledger.command.payment.BatchItems.Refused;
import io.ledger.command.payment.BatchRequests.BatchItemAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates a batch's payments in one transaction, so that a hundred creates share one commit. Atomic: the first item
 * that fails rolls every item back. Otherwise each item runs in a savepoint of its own, and a failing item is rolled
 * back to it alone. The transaction is the request's own when it carries an Idempotency-Key (the answer is stored with
 * the payments), else the batch's.
 *
 * <p>Creates go to this node's own command bus, even on a cluster: a new payment's events can be appended on any node
 * (two appends of one payment still collide on its first sequence number), and only here do they join the batch's
 * transaction.
 */
@Component
class PaymentBatch {

    private final CommandGateway localCommands;
    private final CommandEvents events;
    private final PaymentResources resources;
    private final TransactionTemplate batchTransaction;
    private final TransactionTemplate savepoint;

    PaymentBatch(
            @Qualifier("localSegment") CommandBus localSegment,
            CommandEvents events,
            PaymentResources resources,
            PlatformTransactionManager transactions) {
        this.localCommands = DefaultCommandGateway.builder()
                .commandBus(localSegment)
                .dispatchInterceptors(CommandMetadata.defaults())
                .build();
        this.events = events;
        this.resources = resources;
        this.batchTransaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    List<BatchItemAnswer> run(List<Item> items, boolean atomic, String path) {
        return atomic ? allOrNone(items, path) : eachOnItsOwn(items, path);
    }

    private List<BatchItemAnswer> allOrNone(List<Item> items, String path) {
        List<Refused> refused = items.stream()
                .filter(Refused.class::isInstance)
                .map(Refused.class::cast)
                .toList();
        if (!refused.isEmpty()) {
            // Every invalid field of every item, with the first failing item's status and code.
            List<InvalidField> errors = refused.stream()
                    .flatMap(item ->
                            Objects.requireNonNullElse(item.problem().errors(), List.<InvalidField>of()).stream())
                    .toList();
            throw new AtomicBatchRefused(refused.get(0).problem(), errors, Map.of());
        }
        return Objects.requireNonNull(batchTransaction.execute(tx -> {
            List<BatchItemAnswer> answers = new ArrayList<>(items.size());
            for (Item item : items) {
                try {
                    answers.add(created((Ready) item));
                } catch (RuntimeException failure) {
                    Problem problem = BatchFailures.problemOf(failure, item.index(), path);
                    throw new AtomicBatchRefused(
                            problem,
                            Objects.requireNonNullElse(problem.errors(), List.of()),
                            BatchFailures.headersOf(failure));
                }
            }
            return answers;
        }));
    }

    private List<BatchItemAnswer> eachOnItsOwn(List<Item> items, String path) {
        return Objects.requireNonNull(batchTransaction.execute(tx -> {
            List<BatchItemAnswer> answers = new ArrayList<>(items.size());
            for (Item item : items) {
                answers.add(
                        item instanceof Refused refused
                                ? BatchItemAnswer.refused(refused.index(), refused.problem())
                                : inSavepoint((Ready) item, path));
            }
            return answers;
        }));
    }

    private BatchItemAnswer inSavepoint(Ready item, String path) {
        try {
            return savepoint.execute(status -> created(item));
        } catch (RuntimeException failure) {
            return BatchItemAnswer.refused(item.index(), BatchFailures.problemOf(failure, item.index(), path));
        }
    }

    private BatchItemAnswer created(Ready item) {
        CommandEvents.Recorded<NewPayment> created = events.record(() -> localCommands.sendAndWait(item.command()));
        return BatchItemAnswer.created(item.index(), resources.created(created));
    }
}
