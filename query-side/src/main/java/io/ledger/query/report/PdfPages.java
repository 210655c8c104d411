package io.ledger.query.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A printable document written top to bottom on A4 pages, in PDF's standard fonts (nothing embedded): a title,
 * headings and text in Helvetica, table rows in Courier, whose fixed width lines columns up without measuring text.
 * A new page starts when the next lines would not fit, a heading or section never ends a page, and every page gets a
 * footer with its number. Positions are whole points. Text must be printable ASCII.
 */
final class PdfPages implements AutoCloseable {

    /** A4 in points, rounded down. */
    private static final int WIDTH = 595;

    private static final int HEIGHT = 841;
    private static final int MARGIN = 50;
    private static final int FOOTER_SIZE = 8;
    private static final int TITLE_SIZE = 16;
    private static final int SECTION_SIZE = 14;
    private static final int HEADING_SIZE = 12;
    private static final int TEXT_SIZE = 10;
    private static final int ROW_SIZE = 9;

    /** What a heading keeps with it on its page: itself and a few lines after. */
    private static final int HEADING_KEEPS = 4;

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDType1Font fixed = new PDType1Font(Standard14Fonts.FontName.COURIER);
    private final String footer;
    private PDPageContentStream page;
    private int y;

    /** {@code footer} is printed at the foot of every page, before its number. */
    PdfPages(String footer) {
        this.footer = footer;
    }

    void title(String text) {
        write(bold, TITLE_SIZE, text, 1);
        y -= TEXT_SIZE;
    }

    /** A part of the document, such as a currency's statement. */
    void section(String text) {
        y -= SECTION_SIZE;
        write(bold, SECTION_SIZE, text, HEADING_KEEPS);
    }

    void heading(String text) {
        y -= HEADING_SIZE / 2;
        write(bold, HEADING_SIZE, text, HEADING_KEEPS);
    }

    void text(String text) {
        write(regular, TEXT_SIZE, text, 1);
    }

    /** A line of a table: Courier, each character {@value #ROW_SIZE} * 0.6 points wide. */
    void row(String text) {
        write(fixed, ROW_SIZE, text, 1);
    }

    void space() {
        y -= TEXT_SIZE;
    }

    /** Footers on every page, the document's information, and the bytes of the whole. */
    byte[] finish(String title, Calendar created) {
        try {
            closePage();
            int count = document.getNumberOfPages();
            for (int number = 1; number <= count; number++) {
                try (PDPageContentStream foot = new PDPageContentStream(
                        document, document.getPage(number - 1), PDPageContentStream.AppendMode.APPEND, true, true)) {
                    at(foot, regular, FOOTER_SIZE, MARGIN, MARGIN / 2, footer + " - page " + number + " of " + count);
                }
            }
            PDDocumentInformation information = document.getDocumentInformation();
            information.setTitle(title);
            information.setCreator("ledger");
            information.setProducer("ledger (Apache PDFBox)");
            information.setCreationDate(created);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An instant's calendar in UTC, for the document's creation date. */
    static Calendar utc(Instant instant) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }

    @Override
    public void close() {
        try {
            closePage();
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a line, first starting a page unless {@code keep} lines of this size fit on this one. */
    private void write(PDType1Font font, int size, String text, int keep) {
        int leading = size + size / 3;
        try {
            if (page == null || y - keep * leading < MARGIN) {
                newPage();
            }
            y -= leading;
            at(page, font, size, MARGIN, y, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void newPage() throws IOException {
        closePage();
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        y = HEIGHT - MARGIN;
    }

    private void closePage() throws IOException {
        if (page != null) {
            page.close();
            page = null;
        }
    }

    private static void at(PDPageContentStream stream, PDType1Font font, int size, int x, int y, String text)
            throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y);
        stream.showText(text);
        stream.endText();
    }

    /** How many Courier characters a row may have. */
    static int rowWidth() {
        return (WIDTH - 2 * MARGIN) * 10 / (ROW_SIZE * 6);
    }
}
