package io.ledger.query.report;

import io.ledger.api.money.CurrencyRules;
import java.math.BigDecimal;

/**
 * Amounts as a reader of a printed statement reads them: in the currency's major unit with its minor digits, and
 * thousands separated by commas ({@code -1,234.56} usd, {@code 1,200} jpy, {@code 1.250} kwd). Exact: the minor
 * units are only moved past the decimal point.
 */
final class PrintedAmount {

    private PrintedAmount() {}

    static String of(long minor, String currency) {
        int digits = CurrencyRules.minorDigits(CurrencyRules.currency(currency));
        String plain = BigDecimal.valueOf(minor, digits).abs().toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        String fraction = point < 0 ? "" : plain.substring(point);
        return (minor < 0 ? "-" : "") + grouped(whole) + fraction;
    }

    /** A count, its thousands separated as the amounts' are. */
    static String count(long count) {
        String digits = BigDecimal.valueOf(count).abs().toPlainString();
        return (count < 0 ? "-" : "") + grouped(digits);
    }

    private static String grouped(String digits) {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(digits.charAt(i));
        }
        return grouped.toString();
    }
}
