package io.ledger.query.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledger.api.paging.InvalidCursor;
import io.ledger.api.payment.PaymentSort;
import io.ledger.api.problem.InvalidField;
import io.ledger.api.problem.ProblemCode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    private static final PageCursor NEWEST_FIRST =
            new PageCursor(PaymentSort.CREATED_AT, false, "2026-11-22T09:12:24.123456Z", "pay_a1B2c3");
    private static final PageCursor CHEAPEST_FIRST = new PageCursor(PaymentSort.AMOUNT, true, "1999", "pay_zZ9");

    @Test
    void aCursorDecodesToWhatWasEncoded() {
        assertThat(PageCursor.decode(NEWEST_FIRST.encode(), PaymentSort.CREATED_AT, false))
                .isEqualTo(NEWEST_FIRST);
        assertThat(PageCursor.decode(CHEAPEST_FIRST.encode(), PaymentSort.AMOUNT, true))
                .isEqualTo(CHEAPEST_FIRST);
    }

    @Test
    void anEncodedCursorIsOpaqueAndSafeInAUrl() {
        assertThat(NEWEST_FIRST.encode()).matches("[A-Za-z0-9_-]+").doesNotContain("pay_a1B2c3", "2026");
    }

    @Test
    void theSortValueHasTheTypeOfTheSortColumn() {
        assertThat(NEWEST_FIRST.sortValue())
                .isEqualTo(OffsetDateTime.of(2026, 11, 22, 9, 12, 24, 123_456_000, ZoneOffset.UTC));
        assertThat(CHEAPEST_FIRST.sortValue()).isEqualTo(1999L);
    }

    @Test
    void aCursorServesOnlyItsOwnSortAndDirection() {
        String cursor = NEWEST_FIRST.encode();

        assertInvalidCursor(() -> PageCursor.decode(cursor, PaymentSort.CREATED_AT, true), "another sort order");
        assertInvalidCursor(() -> PageCursor.decode(cursor, PaymentSort.AMOUNT, false), "another sort order");
        assertInvalidCursor(
                () -> PageCursor.decode(CHEAPEST_FIRST.encode(), PaymentSort.AMOUNT, false), "another sort order");
    }

    @Test
    void aDamagedOrForgedCursorIsRefused() {
        String cursor = NEWEST_FIRST.encode();
        for (String damaged : new String[] {
            "",
            "not a cursor!",
            cursor.substring(0, cursor.length() / 2) + "*" + cursor.substring(cursor.length() / 2 + 1),
            plain("2|CREATED_AT|desc|2026-11-22T09:12:24Z|pay_a"),
            plain("1|CREATED_AT|desc|2026-11-22T09:12:24Z"),
            plain("1|CREATED_AT|desc|2026-11-22T09:12:24Z|pay_a|extra"),
            plain("1|CREATION|desc|2026-11-22T09:12:24Z|pay_a"),
            plain("1|CREATED_AT|desc|yesterday|pay_a"),
            plain("1|CREATED_AT|desc|2026-11-22|pay_a"),
            plain("1|CREATED_AT|desc|+999999999-12-31T23:59:59Z|pay_a"),
            plain("1|CREATED_AT|desc|2026-11-22T09:12:24Z|pay_\u0000"),
        }) {
            assertInvalidCursor(() -> PageCursor.decode(damaged, PaymentSort.CREATED_AT, false), "");
        }
        for (String damaged : new String[] {
            plain("1|AMOUNT|asc|19.99|pay_a"),
            plain("1|AMOUNT|asc|99999999999999999999|pay_a"),
            plain("1|AMOUNT|asc||pay_a")
        }) {
            assertInvalidCursor(() -> PageCursor.decode(damaged, PaymentSort.AMOUNT, true), "");
        }
    }

    @Test
    void aCursorMadeByHandInTheRightShapeIsAPosition() {
        // Cursors are opaque, not secret: a well-formed one only names a position in a list the caller may read.
        PageCursor handMade = PageCursor.decode(plain("1|AMOUNT|desc|0|pay_"), PaymentSort.AMOUNT, false);

        assertThat(handMade).isEqualTo(new PageCursor(PaymentSort.AMOUNT, false, "0", "pay_"));
    }

    private static String plain(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInvalidCursor(ThrowingCallable decode, String message) {
        assertThatThrownBy(decode)
                .isInstanceOfSatisfying(InvalidCursor.class, e -> {
                    assertThat(e.code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
                    assertThat(e.errors()).extracting(InvalidField::field).containsExactly("cursor");
                })
                .hasMessageContaining(message);
    }
}
