package io.ledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The loop says what Spring Security's strict firewall says by default, for every code point. */
class HeaderCharactersTest {

    /** StrictHttpFirewall's default rules for header names and for header values (Spring Security 7.1). */
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsTheFirewallsDefaultsJudgeIt() {
        List<String> disagreements = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                continue; // not a character on its own; see below
            }
            String text = "x" + Character.toString(c) + "y";
            if (HeaderCharacters.allowedName(text) != NAMES.matcher(text).matches()
                    || HeaderCharacters.allowedValue(text)
                            != VALUES.matcher(text).matches()) {
                disagreements.add(Integer.toHexString(c));
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void aLoneSurrogateTabsAndControlsAreJudgedAsTheFirewallsDefaultsJudgeThem() {
        for (String text :
                List.of("\uD800", "a\uDC00b", "\t", "a\tb", "\r\n", "\u0000", "\u007f", "Bearer eyJ.x-y_z~")) {
            assertThat(HeaderCharacters.allowedName(text))
                    .as(text)
                    .isEqualTo(NAMES.matcher(text).matches());
            assertThat(HeaderCharacters.allowedValue(text))
                    .as(text)
                    .isEqualTo(VALUES.matcher(text).matches());
        }
    }

    @Test
    void anEmptyHeaderIsAllowedAsByTheFirewall() {
        assertThat(HeaderCharacters.allowedValue("")).isTrue();
        assertThat(VALUES.matcher("").matches()).isTrue();
    }
}
