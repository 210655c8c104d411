package io.ledger.command.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/payments.md shows the table of allowed moves that the payment follows: this test keeps the two equal. */
class PaymentMovesDocumentedTest {

    private static final Path PAGE = Path.of("..", "docs", "payments.md");
    private static final String HEADING = "## Moves";

    @Test
    void theDocsShowTheMovesTableOfTheCode() throws IOException {
        assertThat(rows(documentedTable()))
                .as("the moves table of %s, row by row", PAGE)
                .containsExactlyElementsOf(rows(codeTable()));
    }

    /** Each move's row as the page spells it: the move, then its verdict from every state in the code's order. */
    private static Map<String, List<String>> codeTable() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        rows.put(
                "move",
                Arrays.stream(PaymentState.values())
                        .map(PaymentMovesDocumentedTest::label)
                        .toList());
        for (PaymentMove move : PaymentMove.values()) {
            rows.put(
                    label(move).replace('_', ' '),
                    Arrays.stream(PaymentState.values())
                            .map(state -> label(move.from(state)))
                            .toList());
        }
        return rows;
    }

    /** The first table after the page's moves heading: its header and rows, without the separator line. */
    private static Map<String, List<String>> documentedTable() throws IOException {
        List<String> lines = Files.readAllLines(PAGE);
        int heading = lines.indexOf(HEADING);
        assertThat(heading).as("%s has a heading %s", PAGE, HEADING).isNotNegative();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : lines.subList(heading + 1, lines.size())) {
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            List<String> cells = Arrays.stream(
                            line.substring(1, line.lastIndexOf('|')).split("\\|"))
                    .map(String::strip)
                    .toList();
            if (!cells.get(0).startsWith("---")) {
                rows.put(cells.get(0), cells.subList(1, cells.size()));
            }
        }
        return rows;
    }

    /** Each row as one line, so that a difference names the row and its cells. */
    private static List<String> rows(Map<String, List<String>> table) {
        return table.entrySet().stream()
                .map(row -> row.getKey() + " | " + String.join(" | ", row.getValue()))
                .toList();
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String label(PaymentMove.Verdict verdict) {
        return switch (verdict) {
            case ALLOWED -> "yes";
            case NO_OP -> "no-op";
            case ILLEGAL -> "illegal";
        };
    }
}
