package com.helpdesk.export.csv;

import com.helpdesk.export.domain.model.ChangeCursor;
import com.helpdesk.export.domain.model.Cursor;
import com.helpdesk.export.domain.model.Delivery;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportHead;
import com.helpdesk.export.domain.model.ExportSection;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import com.helpdesk.export.domain.model.PageSummary;
import com.helpdesk.export.domain.model.PreparedDocument;
import com.helpdesk.export.domain.model.PublicId;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.model.SpoolRange;
import com.helpdesk.export.domain.port.Serializer;
import com.helpdesk.export.domain.port.Spool;
import com.helpdesk.export.wiretext.FileHeaders;
import com.helpdesk.export.wiretext.InstantText;
import com.helpdesk.export.wiretext.JsonText;
import com.univocity.parsers.common.TextWritingException;
import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes an export document as CSV: exactly one resource, a header row of its field names,
 * CRLF line ends, UTF-8 (optionally after a byte-order mark), fields quoted only when they hold a comma, a quote,
 * a CR or an LF, with quotes doubled. Values are written as they are: white space is never trimmed and line
 * breaks inside a value are never rewritten.
 *
 * <p>Cells: a null is an empty cell; tags are joined by one space; booleans are {@code true}/{@code false};
 * times are {@link Instant#toString()} (ISO-8601 UTC with {@code Z}, every fractional digit kept); ids are public
 * ids ({@code tkt_} and 32 hex digits); integers are decimal, other numbers plain decimal as stored (never an
 * exponent); dates {@code YYYY-MM-DD}; metadata its compact JSON text. Custom fields are columns of their own,
 * {@code customFields.<key>}, where the request put them (the whole group after the fixed columns). A free-text
 * cell (text, enum and select, tags) that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a CR gets
 * a leading {@code '} so that spreadsheets do not run it as a formula; ids, numbers, booleans, dates, times and
 * metadata (which begins with <code>{</code>) are never altered.
 *
 * <p>One choice the contract leaves open: when the table has a single column, an empty cell is written as
 * {@code ""} rather than as nothing, because a blank line is skipped by most CSV readers and the row would be
 * lost; {@code ""} is an empty cell to any RFC 4180 reader.
 *
 * <p>Rows are written into the spool as they come, after the header row; only univocity's row buffer and a small byte
 * buffer ({@link Utf8Writer}) sit between them and the spool, and the file is that one range of the spool, sent as it
 * was written. Outputs are flushed and never closed, not even when writing fails.
 *
 * <p>Stateless and thread-safe: every call builds its own writer.
 */
public final class CsvSerializer implements Serializer {

    /** The UTF-8 byte-order mark, for Excel. */
    static final char BOM = '\uFEFF';

    static final String MEDIA_TYPE = "text/csv; charset=utf-8; header=present";

    private static final String LINE_SEPARATOR = "\r\n";
    private static final int BUFFER_BYTES = 16 * 1024;
    private static final char FORMULA_GUARD = '\'';

    @Override
    public ExportFormat format() {
        return ExportFormat.CSV;
    }

    @Override
    public DocumentWriter start(ExportHead head, Spool spool) {
        return new Document(head, spool);
    }

    /**
     * One CSV file in a spool: the byte-order mark if asked for, the header row of the one resource's field names,
     * then its rows; delivered as an attachment with the headers that say what the file holds.
     */
    private static final class Document implements DocumentWriter {

        private final ExportHead head;
        private final Spool spool;
        private SpoolRange file;

        Document(ExportHead head, Spool spool) {
            this.head = head;
            this.spool = spool;
        }

        @Override
        public RowWriter resource(ResourceType type, List<Field> fieldList) throws IOException {
            if (file != null) {
                throw new IllegalStateException("a CSV file holds exactly one resource");
            }
            long from = spool.size();
            Field[] fields = columns(fieldList);
            Utf8Writer sink = new Utf8Writer(spool.output(), BUFFER_BYTES);
            if (head.csv().bom()) {
                sink.write(BOM);
            }
            CsvWriter csv = new CsvWriter(sink, settings(fields.length));
            String[] cells = new String[fields.length];
            for (int i = 0; i < fields.length; i++) {
                cells[i] = fields[i].name();
            }
            writeRow(csv, cells);
            return new RowWriter() {
                @Override
                public void accept(Row row) throws IOException {
                    for (int i = 0; i < fields.length; i++) {
                        cells[i] = cell(fields[i], row);
                    }
                    writeRow(csv, cells);
                }

                @Override
                public void finish() throws IOException {
                    flush(csv);
                    file = new SpoolRange(from, spool.size());
                }
            };
        }

        @Override
        public PreparedDocument finish(List<ExportSection> sections) {
            if (sections.size() != 1 || file == null) {
                throw new IllegalStateException("a CSV file holds exactly one resource, not " + sections.size());
            }
            ExportSection section = sections.get(0);
            PageSummary summary = section.summary();
            return new PreparedDocument(
                    new Delivery(
                            MEDIA_TYPE,
                            Optional.of(FileHeaders.fileName(
                                    section.type().wireName(), head.team().toString(), head.generatedAt(), "csv")),
                            FileHeaders.ofOneResource(
                                    summary.rows(),
                                    summary.hasMore(),
                                    summary.nextCursor().map(Cursor::encode),
                                    section.syncCursor().map(ChangeCursor::encode))),
                    List.of(file));
        }
    }

    /** The columns: every field but the group {@code customFields} itself, whose fields are columns of their own. */
    private static Field[] columns(List<Field> fields) {
        Field[] columns =
                fields.stream().filter(f -> f.kind() != FieldKind.CUSTOM).toArray(Field[]::new);
        if (columns.length == 0) {
            throw new IllegalArgumentException("a CSV section needs at least one column");
        }
        return columns;
    }

    private static void writeRow(CsvWriter csv, String[] cells) throws IOException {
        try {
            csv.writeRow((Object[]) cells);
        } catch (TextWritingException e) {
            throw unwrapped(e);
        }
    }

    private static void flush(CsvWriter csv) throws IOException {
        try {
            csv.flush();
        } catch (TextWritingException e) {
            throw unwrapped(e);
        }
    }

    /** The I/O failure univocity wrapped, or the failure itself when it is none. */
    private static IOException unwrapped(TextWritingException e) {
        IOException io = ioCause(e);
        if (io != null) {
            return io;
        }
        throw e;
    }

    private static CsvWriterSettings settings(int columns) {
        CsvWriterSettings settings = new CsvWriterSettings();
        settings.getFormat().setLineSeparator(LINE_SEPARATOR);
        settings.getFormat().setDelimiter(',');
        settings.getFormat().setQuote('"');
        settings.getFormat().setQuoteEscape('"');
        // no comment character: a value starting with '#' is data, and is not quoted
        settings.getFormat().setComment('\0');
        // leading and trailing spaces are data
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setIgnoreTrailingWhitespaces(false);
        // a CR, LF or CRLF inside a value is written as it is, within quotes
        settings.setNormalizeLineEndingsWithinQuotes(false);
        // quote a value holding a quote anywhere, not only at its start (CR, LF and comma always quote)
        settings.setQuoteEscapingEnabled(true);
        settings.setQuoteAllFields(false);
        // a row of empty cells is still a row
        settings.setSkipEmptyLines(false);
        // article content has no length limit
        settings.setMaxCharsPerColumn(-1);
        settings.setMaxColumns(Math.max(columns, 1));
        // never copy row contents (customer data) into exception messages
        settings.setErrorContentLength(0);
        settings.setHeaderWritingEnabled(false);
        settings.setNullValue(null);
        // single column: an empty cell is "" so that its row is not a blank line (univocity writes a null or
        // empty value that is itself quoted, such as "", as it is)
        settings.setEmptyValue(columns == 1 ? "\"\"" : null);
        return settings;
    }

    /** The text of one cell: never null, "" for an empty cell. */
    static String cell(Field field, Row row) {
        String text = switch (field.kind()) {
            case ID -> {
                UUID id = row.id(field);
                yield id == null ? null : PublicId.format(field.idPrefix(), id);
            }
            case TEXT, ENUM -> row.text(field);
            case REF -> row.ref(field);
            case NUMBER -> {
                BigDecimal number = row.number(field);
                yield number == null ? null : number.toPlainString();
            }
            case DATE -> {
                LocalDate date = row.date(field);
                yield date == null ? null : date.toString();
            }
            case OBJECT -> JsonText.compact(row.object(field));
            case CUSTOM -> throw new IllegalArgumentException("the group " + field.name() + " is not a column");
            case TAGS -> joinTags(row.tags(field));
            case INTEGER -> {
                Integer number = row.integer(field);
                yield number == null ? null : number.toString();
            }
            case BOOLEAN -> {
                Boolean bool = row.bool(field);
                yield bool == null ? null : bool.toString();
            }
            case TIMESTAMP -> {
                Instant time = row.time(field);
                yield time == null ? null : InstantText.format(time);
            }
        };
        if (text == null) {
            return "";
        }
        return field.kind().isFreeText() ? guardFormula(text) : text;
    }

    /** Prefixes {@code '} to a text a spreadsheet would take for a formula. */
    static String guardFormula(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return FORMULA_GUARD + text;
        }
        return text;
    }

    /** The tags joined by one space; {@code null} (an empty cell) when there are none. */
    private static String joinTags(List<String> tags) {
        int size = tags.size();
        if (size == 0) {
            return null;
        }
        if (size == 1) {
            return tags.get(0);
        }
        StringBuilder joined = new StringBuilder(size * 12);
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                joined.append(' ');
            }
            joined.append(tags.get(i));
        }
        return joined.toString();
    }

    /** An I/O failure univocity wrapped: the caller gets the {@link IOException} itself. */
    private static IOException ioCause(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof IOException io) {
                return io;
            }
        }
        return null;
    }
}
