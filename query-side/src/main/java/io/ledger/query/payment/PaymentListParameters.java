package io.ledger.query.payment;

import io.ledger.api.money.CurrencyRules;
import io.ledger.api.payment.ListPaymentsQuery;
import io.ledger.api.payment.PaymentFilter;
import io.ledger.api.payment.PaymentSort;
import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.payment.Provider;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.springframework.util.MultiValueMap;

/**
 * Reads the query parameters of the list, the export and a single payment, rejecting what they cannot mean with the
 * parameter's name. Every value must be something the database can compare: no NUL characters, instants of the years 1
 * to 9999.
 */
final class PaymentListParameters {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private static final Set<String> FILTERS = Set.of(
            "status",
            "customerId",
            "orderId",
            "provider",
            "currency",
            "createdFrom",
            "createdTo",
            "minAmount",
            "maxAmount",
            "q",
            "archived");
    private static final Set<String> PAGING = Set.of("sort", "order", "limit", "cursor");
    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private final MultiValueMap<String, String> parameters;

    private PaymentListParameters(MultiValueMap<String, String> parameters, Set<String> allowed) {
        this.parameters = parameters;
        parameters.keySet().stream()
                .filter(name -> !allowed.contains(name))
                .findFirst()
                .ifPresent(name -> {
                    throw new InvalidQueryParameter(name, "is not a known parameter");
                });
        parameters.forEach((name, values) -> {
            if (values.size() > 1) {
                throw new InvalidQueryParameter(name, "is given more than once");
            }
            if (values.stream().anyMatch(value -> value != null && value.indexOf('\0') >= 0)) {
                throw new InvalidQueryParameter(name, "must not contain NUL characters");
            }
        });
    }

    /** The list's query; {@code onlyCustomer} (null: none) confines it to that customer's payments. */
    static ListPaymentsQuery listQuery(MultiValueMap<String, String> parameters, String onlyCustomer) {
        Set<String> allowed = new LinkedHashSet<>(FILTERS);
        allowed.addAll(PAGING);
        PaymentListParameters read = new PaymentListParameters(parameters, allowed);
        PaymentSort sort = read.optional(
                "sort",
                value -> switch (value) {
                    case "createdAt" -> PaymentSort.CREATED_AT;
                    case "amount" -> PaymentSort.AMOUNT;
                    default -> throw new IllegalArgumentException();
                },
                PaymentSort.CREATED_AT);
        boolean ascending = read.optional(
                "order",
                value -> switch (value) {
                    case "asc" -> true;
                    case "desc" -> false;
                    default -> throw new IllegalArgumentException();
                },
                false);
        int limit = read.optional("limit", Integer::parseInt, DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryParameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        String cursor = parameters.getFirst("cursor");
        if (cursor != null) {
            PageCursor.decode(cursor, sort, ascending);
        }
        return new ListPaymentsQuery(read.filter().confinedTo(onlyCustomer), sort, ascending, limit, cursor);
    }

    /** The {@code minVersion} of a single payment's read (0 when absent): the only parameter it takes. */
    static long minVersion(MultiValueMap<String, String> parameters) {
        PaymentListParameters read = new PaymentListParameters(parameters, Set.of("minVersion"));
        return read.optional("minVersion", PaymentListParameters::nonNegative, 0L);
    }

    /** Whether the live feed tells of archived payments' changes: {@code archived}, the only parameter it takes. */
    static boolean feedArchived(MultiValueMap<String, String> parameters) {
        PaymentListParameters read = new PaymentListParameters(parameters, Set.of("archived"));
        return read.optional("archived", PaymentListParameters::bool, false);
    }

    /** The export's filter; {@code onlyCustomer} (null: none) confines it to that customer's payments. */
    static PaymentFilter exportFilter(MultiValueMap<String, String> parameters, String onlyCustomer) {
        Set<String> allowed = new LinkedHashSet<>(FILTERS);
        allowed.add("format");
        PaymentListParameters read = new PaymentListParameters(parameters, allowed);
        String format = read.optional("format", Function.identity(), "csv");
        if (!"csv".equals(format)) {
            throw new InvalidQueryParameter("format", "must be csv");
        }
        return read.filter().confinedTo(onlyCustomer);
    }

    private PaymentFilter filter() {
        Set<PaymentStatus> statuses = optional("status", PaymentListParameters::statuses, Set.of());
        Provider provider = optional("provider", value -> Provider.valueOf(upper(value)), null);
        String currency = optional(
                "currency",
                value -> {
                    if (!CurrencyRules.isSupported(value)) {
                        throw new IllegalArgumentException();
                    }
                    return value.toLowerCase(Locale.ROOT);
                },
                null);
        Instant from = optional("createdFrom", PaymentListParameters::instant, null);
        Instant to = optional("createdTo", PaymentListParameters::instant, null);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidQueryParameter("createdFrom", "must not be after createdTo");
        }
        Long minAmount = optional("minAmount", PaymentListParameters::nonNegative, null);
        Long maxAmount = optional("maxAmount", PaymentListParameters::nonNegative, null);
        if (minAmount != null && maxAmount != null && minAmount > maxAmount) {
            throw new InvalidQueryParameter("minAmount", "must not exceed maxAmount");
        }
        String q = optional("q", value -> value.isBlank() ? null : value, null);
        boolean archived = optional("archived", PaymentListParameters::bool, false);
        return new PaymentFilter(
                statuses,
                parameters.getFirst("customerId"),
                parameters.getFirst("orderId"),
                provider,
                currency,
                from,
                to,
                minAmount,
                maxAmount,
                q,
                null,
                archived);
    }

    private <T> T optional(String name, Function<String, T> parse, T otherwise) {
        String value = parameters.getFirst(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidQueryParameter(name, "has an invalid value: " + value);
        }
    }

    private static Set<PaymentStatus> statuses(String value) {
        Set<PaymentStatus> statuses = new LinkedHashSet<>();
        Arrays.stream(value.split(",", -1))
                .map(code -> PaymentStatus.valueOf(upper(code.trim())))
                .forEach(statuses::add);
        return statuses;
    }

    private static boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException();
        };
    }

    private static long nonNegative(String value) {
        long number = Long.parseLong(value);
        if (number < 0) {
            throw new IllegalArgumentException();
        }
        return number;
    }

    /** An ISO-8601 instant of the years 1 to 9999; PostgreSQL cannot compare a timestamp with much beyond. */
    static Instant instant(String value) {
        Instant instant = Instant.parse(value);
        if (instant.isBefore(FIRST_INSTANT) || instant.isAfter(LAST_INSTANT)) {
            throw new IllegalArgumentException("out of range");
        }
        return instant;
    }

    private static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }
}
