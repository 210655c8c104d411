package io.ledger.api.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledger.api.problem.InvalidField;
import io.ledger.api.problem.ProblemCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CursorTest {

    private static final Cursor ENTRIES = Cursor.of("e1", "refunds", "42", "2026-11-22T09:12:24.123Z");

    @Test
    void aCursorDecodesToTheFieldsItWasEncodedWith() {
        Cursor decoded = Cursor.decode(ENTRIES.encode(), "e1", 3);

        assertThat(decoded).isEqualTo(ENTRIES);
        assertThat(decoded.text(0)).isEqualTo("refunds");
        assertThat(decoded.number(1)).isEqualTo(42L);
        assertThat(decoded.instant(2)).isEqualTo(Instant.parse("2026-11-22T09:12:24.123Z"));
    }

    @Test
    void anEncodedCursorIsOpaqueAndSafeInAUrl() {
        assertThat(ENTRIES.encode()).matches("[A-Za-z0-9_-]+").doesNotContain("refunds", "2026");
    }

    @Test
    void fieldsMayHoldTheSeparatorAndTheEscapeCharacter() {
        Cursor odd = Cursor.of("t", "a|b", "100%", "%7C", "");

        assertThat(Cursor.decode(odd.encode(), "t", 4).fields()).containsExactly("a|b", "100%", "%7C", "");
    }

    @Test
    void cursorsHandedOutBeforeTheCodecStillDecode() {
        // The payment list's cursors were "1|sort|order|value|id", written as URL-safe base64 without padding.
        String old = plain("1|CREATED_AT|desc|2026-11-22T09:12:24.123456Z|pay_a1B2c3");

        assertThat(Cursor.decode(old, "1", 4).fields())
                .isEqualTo(List.of("CREATED_AT", "desc", "2026-11-22T09:12:24.123456Z", "pay_a1B2c3"));
    }

    @Test
    void anythingTheCodecDidNotWriteForThisListIsAValidationProblemOnTheCursor() {
        String cursor = ENTRIES.encode();
        for (String foreign : new String[] {
            "",
            "%%%garbage",
            "not a cursor!",
            cursor.substring(1),
            Cursor.of("u1", "refunds", "42", "2026-11-22T09:12:24.123Z").encode(),
            Cursor.of("e1", "refunds", "42").encode(),
            Cursor.of("e1", "refunds", "42", "2026-11-22T09:12:24.123Z", "extra")
                    .encode(),
            plain("e1|refunds|42|2026-11-22T09:12:24Z%"),
            plain("e1|refunds|4%2|2026-11-22T09:12:24Z"),
            plain("e1|ref\u0000unds|42|2026-11-22T09:12:24Z"),
        }) {
            assertInvalidCursor(() -> Cursor.decode(foreign, "e1", 3));
        }
    }

    @Test
    void aFieldOfTheWrongTypeIsAValidationProblemOnTheCursor() {
        Cursor wrong =
                Cursor.decode(Cursor.of("e1", "refunds", "lots", "yesterday").encode(), "e1", 3);

        assertInvalidCursor(() -> wrong.number(1));
        assertInvalidCursor(() -> wrong.instant(2));
    }

    private static String plain(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInvalidCursor(ThrowingCallable decode) {
        assertThatThrownBy(decode).isInstanceOfSatisfying(InvalidCursor.class, e -> {
            assertThat(e.code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
            assertThat(e.errors()).extracting(InvalidField::field).containsExactly("cursor");
            assertThat(e.getMessage()).startsWith("cursor ");
        });
    }
}
