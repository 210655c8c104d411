package io.ledger.query.web;

import io.ledger.query.payment.InvalidQueryParameter;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Function;
import org.springframework.util.MultiValueMap;

/**
 * A request's query parameters, read strictly: an unknown or repeated parameter, or a value that does not parse, is an
 * {@link InvalidQueryParameter} naming the parameter (400 {@code validation_failed}).
 */
public final class QueryParameters {

    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private final MultiValueMap<String, String> parameters;

    public QueryParameters(MultiValueMap<String, String> parameters, Set<String> known) {
        this.parameters = parameters;
        parameters.forEach((name, values) -> {
            if (!known.contains(name)) {
                throw new InvalidQueryParameter(name, "is not a known parameter");
            }
            if (values.size() > 1) {
                throw new InvalidQueryParameter(name, "is given more than once");
            }
        });
    }

    /** The parsed value, or {@code otherwise} when the parameter is absent; {@code parse} throws on a bad value. */
    public <T> T optional(String name, Function<String, T> parse, T otherwise) {
        String value = parameters.getFirst(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw new InvalidQueryParameter(name, "has an invalid value: " + value);
        }
    }

    /**
     * The UTC days {@code from} to {@code to} (ISO dates, both included). Without {@code to}, up to today; without
     * {@code from}, the {@code defaultDays} days that end on {@code to}.
     */
    public DayRange days(LocalDate today, int defaultDays) {
        LocalDate to = optional("to", QueryParameters::date, today);
        LocalDate from = optional("from", QueryParameters::date, to.minusDays(defaultDays - 1L));
        if (from.isAfter(to)) {
            throw new InvalidQueryParameter("from", "must not be after to");
        }
        return new DayRange(from, to);
    }

    /** An ISO date ({@code 2026-11-22}) of the years 1 to 9999. */
    private static LocalDate date(String value) {
        LocalDate date = LocalDate.parse(value);
        if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
            throw new IllegalArgumentException("out of range");
        }
        return date;
    }

    /** UTC days, both ends included. */
    public record DayRange(LocalDate from, LocalDate to) {}
}
