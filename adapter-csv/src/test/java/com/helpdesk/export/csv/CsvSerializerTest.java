package com.helpdesk.export.csv;

import static com.helpdesk.export.csv.CsvFixtures.GENERATED_AT;
import static com.helpdesk.export.csv.CsvFixtures.TEAM;
import static com.helpdesk.export.csv.CsvFixtures.document;
import static com.helpdesk.export.csv.CsvFixtures.fields;
import static com.helpdesk.export.csv.CsvFixtures.section;
import static com.helpdesk.export.csv.CsvFixtures.write;
import static com.helpdesk.export.csv.CsvFixtures.writeText;
import static com.helpdesk.export.domain.model.ResourceType.ARTICLES;
import static com.helpdesk.export.domain.model.ResourceType.CUSTOMERS;
import static com.helpdesk.export.domain.model.ResourceType.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.csv.CsvFixtures.Written;
import com.helpdesk.export.domain.model.Cursor;
import com.helpdesk.export.domain.model.CustomFieldDefinition;
import com.helpdesk.export.domain.model.CustomFieldKind;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import com.helpdesk.export.domain.model.FieldSelection;
import com.helpdesk.export.domain.model.PageSummary;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.port.Serializer;
import com.helpdesk.export.spool.MemorySpool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvSerializerTest {

    private static final UUID TICKET_ID = UUID.fromString("0f3c2a1b-4d5e-6f70-8192-a3b4c5d6e7f8");

    /** One ticket row with only a title (and the other given fields null): the CSV text of title alone. */
    private static String titleCell(String title) {
        String csv = writeText(
                TICKETS,
                fields(TICKETS, "title", "messageCount"),
                List.of(TestRow.of(TICKETS).with("title", title).with("messageCount", 1)));
        assertThat(csv).startsWith("title,messageCount\r\n").endsWith(",1\r\n");
        return csv.substring("title,messageCount\r\n".length(), csv.length() - ",1\r\n".length());
    }

    @Test
    void isTheCsvSerializer() {
        assertThat(new CsvSerializer().format()).isEqualTo(ExportFormat.CSV);
    }

    @Nested
    class Layout {

        @Test
        void writesTheHeaderRowOfTheSelectedFieldsInTheirOrder() {
            assertThat(writeText(TICKETS, fields(TICKETS, "createdAt", "id", "title"), List.of()))
                    .isEqualTo("createdAt,id,title\r\n");
        }

        @Test
        void writesEveryFieldOfATypeInTheTypesOrderWhenAllAreSelected() {
            // the order and names are the domain's (pinned against the contract by ResourceTypeTest); a team without
            // custom fields: the group adds no column
            for (ResourceType type : ResourceType.values()) {
                String names = type.fields().stream()
                        .filter(field -> field.kind() != FieldKind.CUSTOM)
                        .map(Field::name)
                        .collect(Collectors.joining(","));
                assertThat(writeText(type, type.fields(), List.of())).isEqualTo(names + "\r\n");
            }
        }

        @Test
        void writesTheTeamsCustomFieldsAfterTheFixedColumnsInPositionOrderWithPlainValues() {
            List<CustomFieldDefinition> definitions = List.of(
                    new CustomFieldDefinition("plan", "Plan", CustomFieldKind.SELECT, 0),
                    new CustomFieldDefinition("amount", "Amount", CustomFieldKind.NUMBER, 1),
                    new CustomFieldDefinition("vip", "VIP", CustomFieldKind.BOOLEAN, 2),
                    new CustomFieldDefinition("due", "Due", CustomFieldKind.DATE, 3));
            List<Field> fields = FieldSelection.parse(CUSTOMERS, List.of("id", "metadata", "customFields"), "f")
                    .resolve(definitions);
            String csv = writeText(
                    CUSTOMERS,
                    fields,
                    List.of(
                            TestRow.of(CUSTOMERS)
                                    .with("id", new UUID(0, 1))
                                    .with("metadata", "{\"a\": [1, \"=x\"], \"b\": {}}")
                                    .with("customFields.plan", "=gold")
                                    .with("customFields.amount", new BigDecimal("-1.50"))
                                    .with("customFields.vip", false)
                                    .with("customFields.due", LocalDate.of(2026, 2, 28)),
                            TestRow.of(CUSTOMERS).with("id", new UUID(0, 2))));
            assertThat(csv)
                    .isEqualTo("id,metadata,customFields.plan,customFields.amount,customFields.vip,"
                            + "customFields.due\r\n"
                            + "cus_00000000000000000000000000000001,\"{\"\"a\"\":[1,\"\"=x\"\"],\"\"b\"\":{}}\",'=gold,-1.50,false,"
                            + "2026-02-28\r\n"
                            + "cus_00000000000000000000000000000002,{},,,,\r\n");
        }

        @Test
        void writesRowsWithCrLfLineEndsInTheGivenOrder() {
            String csv = writeText(
                    TICKETS,
                    fields(TICKETS, "title", "status"),
                    List.of(
                            TestRow.of(TICKETS).with("title", "First").with("status", "open"),
                            TestRow.of(TICKETS).with("title", "Second").with("status", "closed")));
            assertThat(csv).isEqualTo("title,status\r\nFirst,open\r\nSecond,closed\r\n");
        }

        @Test
        void writesUtf8WithoutAByteOrderMarkByDefault() {
            byte[] bytes = write(document(
                    TICKETS,
                    fields(TICKETS, "title"),
                    List.of(TestRow.of(TICKETS).with("title", "Zoë 😀 日本"))));
            assertThat(bytes).isEqualTo("title\r\nZoë 😀 日本\r\n".getBytes(StandardCharsets.UTF_8));
            assertThat(bytes).startsWith('t');
        }

        @Test
        void startsWithAUtf8ByteOrderMarkWhenAsked() {
            byte[] bytes = write(document(
                    true,
                    section(
                            TICKETS,
                            fields(TICKETS, "title"),
                            List.of(TestRow.of(TICKETS).with("title", "é")))));
            assertThat(bytes).isEqualTo(new byte[] {
                (byte) 0xEF,
                (byte) 0xBB,
                (byte) 0xBF,
                't',
                'i',
                't',
                'l',
                'e',
                '\r',
                '\n',
                (byte) 0xC3,
                (byte) 0xA9,
                '\r',
                '\n'
            });
        }

        @Test
        void refusesADocumentWithoutExactlyOneResource() throws IOException {
            try (MemorySpool spool = new MemorySpool()) {
                Serializer.DocumentWriter none = new CsvSerializer().start(CsvFixtures.head(false), spool);
                assertThatThrownBy(() -> none.finish(List.of()))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("exactly one resource");
                Serializer.DocumentWriter two = new CsvSerializer().start(CsvFixtures.head(false), spool);
                two.resource(TICKETS, fields(TICKETS, "id")).finish();
                assertThatThrownBy(() -> two.resource(CUSTOMERS, fields(CUSTOMERS, "id")))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("exactly one resource");
            }
        }

        @Test
        void refusesASectionWithoutFields() throws IOException {
            try (MemorySpool spool = new MemorySpool()) {
                Serializer.DocumentWriter writer = new CsvSerializer().start(CsvFixtures.head(false), spool);
                assertThatThrownBy(() -> writer.resource(TICKETS, List.of()))
                        .isInstanceOf(IllegalArgumentException.class);
                assertThat(spool.size()).isZero();
            }
        }

        @Test
        void isDeliveredAsAnAttachmentWithTheHeadersThatSayWhatItHolds() throws IOException {
            Cursor next = new Cursor(TICKETS, GENERATED_AT, new UUID(0, 7));
            Written written = CsvFixtures.written(
                    document(
                            false,
                            new CsvFixtures.Section(
                                    TICKETS,
                                    fields(TICKETS, "id"),
                                    List.of(TestRow.of(TICKETS).with("id", TICKET_ID)),
                                    new PageSummary(1, true, Optional.of(next)))),
                    OutputStream.nullOutputStream());
            assertThat(written.delivery().mediaType()).isEqualTo("text/csv; charset=utf-8; header=present");
            assertThat(written.delivery().fileName()).contains("tickets-" + TEAM + "-20261127T143000Z.csv");
            assertThat(written.delivery().headers())
                    .containsExactly(
                            Map.entry("X-Total-Rows", "1"),
                            Map.entry("X-Has-More", "true"),
                            Map.entry("X-Next-Cursor", next.encode()));
            Written all = CsvFixtures.written(
                    document(TICKETS, fields(TICKETS, "id"), List.of()), OutputStream.nullOutputStream());
            assertThat(all.delivery().headers())
                    .containsExactly(Map.entry("X-Total-Rows", "0"), Map.entry("X-Has-More", "false"));
        }
    }

    @Nested
    class Quoting {

        @Test
        void quotesAValueHoldingACommaOnly() {
            assertThat(titleCell("a,b")).isEqualTo("\"a,b\"");
        }

        @Test
        void quotesAValueHoldingAQuoteAnywhereAndDoublesIt() {
            assertThat(titleCell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
            assertThat(titleCell("\"quoted\"")).isEqualTo("\"\"\"quoted\"\"\"");
            assertThat(titleCell("5\" screen")).isEqualTo("\"5\"\" screen\"");
            assertThat(titleCell("\"")).isEqualTo("\"\"\"\"");
        }

        @Test
        void quotesAValueHoldingALineBreakAndKeepsItAsItIs() {
            assertThat(titleCell("a\nb")).isEqualTo("\"a\nb\"");
            assertThat(titleCell("a\r\nb")).isEqualTo("\"a\r\nb\"");
            assertThat(titleCell("a\rb")).isEqualTo("\"a\rb\"");
            assertThat(titleCell("end\n")).isEqualTo("\"end\n\"");
            assertThat(titleCell("\n\n")).isEqualTo("\"\n\n\"");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {"plain", "a b", "a;b", "a\tb", "it's", "#hash", "a=b", "x-y", "tab at end\t", "ümlaut", "😀"
                })
        void leavesOtherValuesUnquoted(String value) {
            assertThat(titleCell(value)).isEqualTo(value);
        }

        @Test
        void keepsLeadingAndTrailingSpaces() {
            assertThat(titleCell("  padded  ")).isEqualTo("  padded  ");
            assertThat(titleCell(" ")).isEqualTo(" ");
            assertThat(titleCell(" a, b ")).isEqualTo("\" a, b \"");
            assertThat(titleCell("\u00a0nbsp\u00a0")).isEqualTo("\u00a0nbsp\u00a0");
        }

        @Test
        void writesAWholeRowExactly() {
            String csv = writeText(
                    TICKETS,
                    fields(TICKETS, "title", "notes", "status"),
                    List.of(TestRow.of(TICKETS)
                            .with("title", "Printer, 2nd floor")
                            .with("notes", "He said \"now\"\r\nok")
                            .with("status", "open")));
            assertThat(csv)
                    .isEqualTo("title,notes,status\r\n\"Printer, 2nd floor\",\"He said \"\"now\"\"\r\nok\",open\r\n");
        }
    }

    @Nested
    class EmptyCells {

        @Test
        void writesNullAsAnEmptyCell() {
            String csv = writeText(
                    TICKETS,
                    fields(TICKETS, "title", "assignedTo", "resolvedAt", "notes"),
                    List.of(TestRow.of(TICKETS).with("title", "x")));
            assertThat(csv).isEqualTo("title,assignedTo,resolvedAt,notes\r\nx,,,\r\n");
        }

        @Test
        void writesARowOfNullsAsSeparatorsOnly() {
            String csv = writeText(TICKETS, fields(TICKETS, "title", "notes"), List.of(TestRow.of(TICKETS)));
            assertThat(csv).isEqualTo("title,notes\r\n,\r\n");
        }

        @Test
        void writesAnEmptyStringAsAnEmptyCell() {
            String csv = writeText(
                    TICKETS,
                    fields(TICKETS, "title", "notes"),
                    List.of(TestRow.of(TICKETS).with("title", "").with("notes", "n")));
            assertThat(csv).isEqualTo("title,notes\r\n,n\r\n");
        }

        @Test
        void writesAnEmptyCellOfASingleColumnTableAsQuotedEmptySoItsRowIsNoBlankLine() {
            String csv = writeText(
                    TICKETS,
                    fields(TICKETS, "resolvedAt"),
                    List.of(
                            TestRow.of(TICKETS),
                            TestRow.of(TICKETS).with("resolvedAt", Instant.EPOCH),
                            TestRow.of(TICKETS)));
            assertThat(csv).isEqualTo("resolvedAt\r\n\"\"\r\n1970-01-01T00:00:00Z\r\n\"\"\r\n");
        }

        @Test
        void writesOtherSingleColumnValuesAsUsual() {
            String csv = writeText(
                    TICKETS,
                    fields(TICKETS, "title"),
                    List.of(
                            TestRow.of(TICKETS).with("title", "\"\""),
                            TestRow.of(TICKETS).with("title", "a,b"),
                            TestRow.of(TICKETS).with("title", "")));
            assertThat(csv).isEqualTo("title\r\n\"\"\"\"\"\"\r\n\"a,b\"\r\n\"\"\r\n");
        }
    }

    @Nested
    class Values {

        @Test
        void writesTagsJoinedBySingleSpaces() {
            String csv = writeText(
                    TICKETS,
                    fields(TICKETS, "tags", "title"),
                    List.of(
                            TestRow.of(TICKETS)
                                    .with("tags", List.of("billing", "vip", "ünïcode"))
                                    .with("title", "a"),
                            TestRow.of(TICKETS).with("tags", List.of("one")).with("title", "b"),
                            TestRow.of(TICKETS).with("tags", List.of()).with("title", "c")));
            assertThat(csv).isEqualTo("tags,title\r\nbilling vip ünïcode,a\r\none,b\r\n,c\r\n");
        }

        @Test
        void writesBooleansAsTrueOrFalse() {
            String csv = writeText(
                    ARTICLES,
                    fields(ARTICLES, "isPublic"),
                    List.of(
                            TestRow.of(ARTICLES).with("isPublic", true),
                            TestRow.of(ARTICLES).with("isPublic", false)));
            assertThat(csv).isEqualTo("isPublic\r\ntrue\r\nfalse\r\n");
        }

        @Test
        void writesIntegersInDecimal() {
            String csv = writeText(
                    ARTICLES,
                    fields(ARTICLES, "viewCount", "useCount"),
                    List.of(
                            TestRow.of(ARTICLES).with("viewCount", 0).with("useCount", 1234567),
                            TestRow.of(ARTICLES)
                                    .with("viewCount", Integer.MAX_VALUE)
                                    .with("useCount", -42)));
            assertThat(csv).isEqualTo("viewCount,useCount\r\n0,1234567\r\n2147483647,-42\r\n");
        }

        @Test
        void writesTimesAsIsoUtcWithEveryFractionalDigit() {
            String csv = writeText(
                    TICKETS,
                    fields(TICKETS, "createdAt", "updatedAt", "resolvedAt"),
                    List.of(
                            TestRow.of(TICKETS)
                                    .with("createdAt", Instant.parse("2026-01-02T03:04:05Z"))
                                    .with("updatedAt", Instant.parse("2026-01-02T03:04:05.123456Z"))
                                    .with("resolvedAt", Instant.parse("2026-01-02T03:04:05.000001Z")),
                            TestRow.of(TICKETS)
                                    .with("createdAt", Instant.parse("1999-12-31T23:59:59.100Z"))
                                    .with("updatedAt", Instant.parse("2026-06-30T12:00:00.000010Z"))
                                    .with("resolvedAt", Instant.ofEpochSecond(0, 1))));
            assertThat(csv)
                    .isEqualTo(
                            "createdAt,updatedAt,resolvedAt\r\n"
                                    + "2026-01-02T03:04:05Z,2026-01-02T03:04:05.123456Z,2026-01-02T03:04:05.000001Z\r\n"
                                    + "1999-12-31T23:59:59.100Z,2026-06-30T12:00:00.000010Z,1970-01-01T00:00:00.000000001Z\r\n");
        }

        @Test
        void writesIdsWithTheFieldsPrefixAndThirtyTwoHexDigits() {
            UUID customer = UUID.fromString("00000000-0000-0000-0000-000000000001");
            UUID member = UUID.fromString("FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF");
            String csv = writeText(
                    TICKETS,
                    fields(TICKETS, "id", "customerId", "assignedTo"),
                    List.of(TestRow.of(TICKETS)
                            .with("id", TICKET_ID)
                            .with("customerId", customer)
                            .with("assignedTo", member)));
            assertThat(csv)
                    .isEqualTo("id,customerId,assignedTo\r\n"
                            + "tkt_0f3c2a1b4d5e6f708192a3b4c5d6e7f8,cus_00000000000000000000000000000001,"
                            + "mem_ffffffffffffffffffffffffffffffff\r\n");
        }

        @Test
        void refusesAValueOfTheWrongJavaType() {
            assertThatThrownBy(() -> CsvFixtures.writeText(
                            TICKETS,
                            fields(TICKETS, "createdAt"),
                            List.of(TestRow.of(TICKETS).with("createdAt", "2026-01-01T00:00:00Z"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("createdAt");
        }
    }

    @Nested
    class FormulaSafety {

        @ParameterizedTest
        @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "=HYPERLINK(\"http://x\")", "-", "="})
        void prefixesAFormulaLikeTextWithAQuote(String text) {
            String guarded = "'" + text;
            String expected = guarded.contains("\"") ? "\"" + guarded.replace("\"", "\"\"") + "\"" : guarded;
            assertThat(titleCell(text)).isEqualTo(expected);
        }

        @Test
        void prefixesATextStartingWithATabOrCr() {
            assertThat(titleCell("\tx")).isEqualTo("'\tx");
            assertThat(titleCell("\rx")).isEqualTo("\"'\rx\"");
            assertThat(titleCell("\r\n=1")).isEqualTo("\"'\r\n=1\"");
        }

        @Test
        void leavesTextThatOnlyContainsFormulaCharactersLater() {
            assertThat(titleCell("a=b")).isEqualTo("a=b");
            assertThat(titleCell(" =1")).isEqualTo(" =1");
            assertThat(titleCell("'=1")).isEqualTo("'=1");
            assertThat(titleCell("x\n=1")).isEqualTo("\"x\n=1\"");
        }

        @Test
        void guardsEnumsAndJoinedTagsToo() {
            String csv = writeText(
                    TICKETS,
                    fields(TICKETS, "status", "tags"),
                    List.of(
                            TestRow.of(TICKETS).with("status", "=cmd").with("tags", List.of("-x", "y")),
                            TestRow.of(TICKETS).with("status", "open").with("tags", List.of("a", "+b"))));
            assertThat(csv).isEqualTo("status,tags\r\n'=cmd,'-x y\r\nopen,a +b\r\n");
        }

        @Test
        void guardsCustomerAndArticleTexts() {
            assertThat(writeText(
                            CUSTOMERS,
                            fields(CUSTOMERS, "name", "email", "notes"),
                            List.of(TestRow.of(CUSTOMERS)
                                    .with("name", "@bob")
                                    .with("email", "+1@x.io")
                                    .with("notes", "-"))))
                    .isEqualTo("name,email,notes\r\n'@bob,'+1@x.io,'-\r\n");
            assertThat(writeText(
                            ARTICLES,
                            fields(ARTICLES, "title", "content", "category"),
                            List.of(TestRow.of(ARTICLES)
                                    .with("title", "=t")
                                    .with("content", "\tc")
                                    .with("category", "+k"))))
                    .isEqualTo("title,content,category\r\n'=t,'\tc,'+k\r\n");
        }

        @Test
        void neverAltersNumbersBooleansTimesOrIds() {
            Instant beforeEpoch = Instant.parse("-0001-01-01T00:00:00Z");
            String csv = writeText(
                    TICKETS,
                    fields(TICKETS, "messageCount", "createdAt", "id"),
                    List.of(TestRow.of(TICKETS)
                            .with("messageCount", -5)
                            .with("createdAt", beforeEpoch)
                            .with("id", TICKET_ID)));
            assertThat(csv)
                    .isEqualTo("messageCount,createdAt,id\r\n-5,-0001-01-01T00:00:00Z,"
                            + "tkt_0f3c2a1b4d5e6f708192a3b4c5d6e7f8\r\n");
            assertThat(writeText(
                            ARTICLES,
                            fields(ARTICLES, "useCount", "isPublic"),
                            List.of(TestRow.of(ARTICLES).with("useCount", -1).with("isPublic", false))))
                    .isEqualTo("useCount,isPublic\r\n-1,false\r\n");
        }

        @Test
        void guardFormulaOnlyLooksAtTheFirstCharacter() {
            assertThat(CsvSerializer.guardFormula("")).isEmpty();
            for (char c : "=+-@\t\r".toCharArray()) {
                assertThat(CsvSerializer.guardFormula(c + "x")).isEqualTo("'" + c + "x");
            }
            for (char c : "'\" #!$%&*/\n0a".toCharArray()) {
                assertThat(CsvSerializer.guardFormula(c + "x")).isEqualTo(c + "x");
            }
        }
    }

    @Nested
    class Streaming {

        @Test
        void flushesButNeverClosesTheStream() throws IOException {
            RecordingStream out = new RecordingStream();
            CsvFixtures.written(
                    document(
                            TICKETS,
                            fields(TICKETS, "title"),
                            List.of(TestRow.of(TICKETS).with("title", "x"))),
                    out);
            assertThat(out.closed).isFalse();
            assertThat(out.flushed).isTrue();
            assertThat(out.bytes.toString(StandardCharsets.UTF_8)).isEqualTo("title\r\nx\r\n");
        }

        @Test
        void writesRowsToTheSpoolAsTheyComeNotAtTheEnd() throws IOException {
            RecordingStream out = new RecordingStream();
            int rows = 20_000;
            long bytesSeenMidway = -1;
            TestRow row = TestRow.of(TICKETS).with("title", "x".repeat(100));
            try (MemorySpool spool = new MemorySpool(out)) {
                Serializer.RowWriter writer = new CsvSerializer()
                        .start(CsvFixtures.head(false), spool)
                        .resource(TICKETS, fields(TICKETS, "title"));
                for (int i = 0; i < rows; i++) {
                    if (i == rows / 2) {
                        bytesSeenMidway = out.bytes.size();
                    }
                    writer.accept(row);
                }
                writer.finish();
            }
            long total = out.bytes.size();
            assertThat(total).as("the header row, then the rows").isEqualTo("title\r\n".length() + rows * 102L);
            // half the rows were written: most of their bytes must already have reached the spool
            assertThat(bytesSeenMidway).isGreaterThan(total / 2 - 64 * 1024);
            assertThat(out.closed).isFalse();
        }

        @Test
        void theDocumentIsOneRangeOfTheSpoolTheHeaderThenTheRowsAsWritten() throws IOException {
            List<Field> titles = fields(TICKETS, "title", "id");
            List<TestRow> rows = List.of(
                    TestRow.of(TICKETS).with("title", "a,b").with("id", TICKET_ID),
                    TestRow.of(TICKETS).with("title", "=1"));
            RecordingStream spooled = new RecordingStream();
            Written whole = CsvFixtures.written(document(TICKETS, titles, rows), spooled);
            assertThat(whole.bytes()).as("sent as it was spooled").isEqualTo(spooled.bytes.toByteArray());
            assertThat(whole.text()).isEqualTo("title,id\r\n\"a,b\",tkt_0f3c2a1b4d5e6f708192a3b4c5d6e7f8\r\n'=1,\r\n");
        }

        @Test
        void writesAVeryLongValueWhole() {
            String content = "lorem ipsum, \"dolor\"\n".repeat(20_000);
            String csv = writeText(
                    ARTICLES,
                    fields(ARTICLES, "content"),
                    List.of(TestRow.of(ARTICLES).with("content", content)));
            assertThat(csv).isEqualTo("content\r\n\"" + content.replace("\"", "\"\"") + "\"\r\n");
        }

        @Test
        void reportsAnIoFailureAsItselfAndDoesNotCloseTheStream() throws IOException {
            IOException failure = new IOException("disk full");
            FailingStream out = new FailingStream(failure);
            TestRow row = TestRow.of(TICKETS).with("title", "x".repeat(50));
            try (MemorySpool spool = new MemorySpool(out)) {
                assertThatThrownBy(() -> {
                            Serializer.RowWriter writer = new CsvSerializer()
                                    .start(CsvFixtures.head(false), spool)
                                    .resource(TICKETS, fields(TICKETS, "title"));
                            for (int i = 0; i < 100_000; i++) {
                                writer.accept(row);
                            }
                            writer.finish();
                        })
                        .isSameAs(failure);
            }
            assertThat(out.closed).isFalse();
        }

        @Test
        void canBeUsedForManyDocuments() {
            for (int i = 0; i < 3; i++) {
                List<Field> f = fields(TICKETS, "messageCount");
                assertThat(writeText(TICKETS, f, List.of(TestRow.of(TICKETS).with("messageCount", i))))
                        .isEqualTo("messageCount\r\n" + i + "\r\n");
            }
        }
    }

    static final class RecordingStream extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean flushed;
        boolean closed;

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public void flush() {
            flushed = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static final class FailingStream extends OutputStream {
        private final IOException failure;
        boolean closed;

        FailingStream(IOException failure) {
            this.failure = failure;
        }

        @Override
        public void write(int b) throws IOException {
            throw failure;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            throw failure;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
