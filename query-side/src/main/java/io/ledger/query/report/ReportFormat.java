package io.ledger.query.report;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.http.MediaType;

/** What a report is written as: the JSON resource, a CSV table or a printable PDF document. */
enum ReportFormat {
    JSON(MediaType.APPLICATION_JSON),
    CSV(new MediaType("text", "csv", StandardCharsets.UTF_8)),
    PDF(MediaType.APPLICATION_PDF);

    private final MediaType mediaType;

    ReportFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** The parameter's spelling, and the file name's extension: {@code csv}. */
    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static boolean isCode(String code) {
        return Arrays.stream(values()).anyMatch(format -> format.code().equals(code));
    }

    static ReportFormat fromCode(String code) {
        return Arrays.stream(values())
                .filter(format -> format.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format " + code));
    }
}
