package io.ledger.command.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.payment.CreatePaymentCommand;
import io.ledger.api.problem.InvalidField;
import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.Problem;
import io.ledger.api.problem.ProblemCode;
import io.ledger.command.payment.PaymentRequests.CreatePaymentBody;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a batch's items one by one, as a single create reads its body (the same mapper, the same bean validation, the
 * same rules of the command), so that each bad item is refused on its own with its fields named
 * {@code payments[i].field}.
 */
@Component
class BatchItems {

    static final String KEY_FIELD = "idempotencyKey";
    private static final int MAX_KEY_LENGTH = 255;

    private final JsonMapper json;
    private final Validator validator;

    BatchItems(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** An item read: ready to be created, or refused with its problem. */
    sealed interface Item permits Ready, Refused {
        int index();
    }

    record Ready(int index, CreatePaymentCommand command) implements Item {}

    record Refused(int index, Problem problem) implements Item {}

    /**
     * Every item, in order. Ids come from the item's own {@code idempotencyKey}, else from the batch's Idempotency-Key
     * and the item's place (a retried batch makes the same payments), else they are new.
     */
    List<Item> read(List<JsonNode> items, Principal principal, String batchKey, String onlyCustomer, String path) {
        List<Item> read = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            read.add(read(index, items.get(index), principal, batchKey, onlyCustomer, path));
        }
        return read;
    }

    private Item read(
            int index, JsonNode item, Principal principal, String batchKey, String onlyCustomer, String path) {
        String prefix = "payments[" + index + "]";
        if (item == null || !item.isObject()) {
            return refused(index, path, List.of(new InvalidField(prefix, "must be a create body (a JSON object)")));
        }
        ObjectNode body = ((ObjectNode) item).deepCopy();
        JsonNode key = body.remove(KEY_FIELD);
        if (key != null && !key.isNull() && !validKey(key)) {
            return refused(
                    index,
                    path,
                    List.of(new InvalidField(
                            prefix + "." + KEY_FIELD,
                            "must be a string of 1 to " + MAX_KEY_LENGTH + " characters, not blank")));
        }
        CreatePaymentBody create;
        try {
            create = json.treeToValue(body, CreatePaymentBody.class);
        } catch (JacksonException e) {
            return refused(index, path, List.of(unreadable(prefix, e)));
        }
        List<InvalidField> invalid = validator.validate(create).stream()
                .map(violation -> field(prefix, violation))
                .sorted(Comparator.comparing(InvalidField::field))
                .toList();
        if (!invalid.isEmpty()) {
            return refused(index, path, invalid);
        }
        try {
            String itemKey = key == null || key.isNull() ? null : key.asString();
            return new Ready(index, create.toCommand(id(principal, itemKey, batchKey, index), onlyCustomer));
        } catch (LedgerProblem problem) {
            return new Refused(index, prefixed(Problem.of(problem, path), prefix));
        }
    }

    private static PaymentId id(Principal principal, String itemKey, String batchKey, int index) {
        if (itemKey != null) {
            return IdempotentIds.payment(principal, itemKey);
        }
        return batchKey != null
                ? IdempotentIds.batchItem(principal, batchKey, index)
                : IdempotentIds.payment(principal, null);
    }

    private static boolean validKey(JsonNode key) {
        return key.isString() && !key.asString().isBlank() && key.asString().length() <= MAX_KEY_LENGTH;
    }

    private static Refused refused(int index, String path, List<InvalidField> errors) {
        return new Refused(
                index,
                Problem.of(
                        ProblemCode.VALIDATION_FAILED,
                        ProblemCode.VALIDATION_FAILED.status(),
                        "Item " + index + " of the batch has invalid fields.",
                        path,
                        errors));
    }

    private static InvalidField unreadable(String prefix, JacksonException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new InvalidField(prefix + "." + unknown.getPropertyName(), "unknown field");
        }
        String field = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        return new InvalidField(prefix + field, "has the wrong type or format");
    }

    private static InvalidField field(String prefix, ConstraintViolation<?> violation) {
        String property = violation.getPropertyPath().toString();
        return new InvalidField(property.isEmpty() ? prefix : prefix + "." + property, violation.getMessage());
    }

    /** The problem of an item, its fields named within the batch. */
    static Problem prefixed(Problem problem, String prefix) {
        List<InvalidField> errors = problem.errors() == null
                ? null
                : problem.errors().stream()
                        .map(error -> new InvalidField(prefix + "." + error.field(), error.message()))
                        .toList();
        return new Problem(
                problem.type(),
                problem.title(),
                problem.status(),
                problem.detail(),
                problem.instance(),
                problem.code(),
                errors);
    }
}
