package com.helpdesk.export.csv;

import static com.helpdesk.export.csv.CsvFixtures.document;
import static com.helpdesk.export.csv.CsvFixtures.fields;
import static com.helpdesk.export.csv.CsvFixtures.section;
import static com.helpdesk.export.csv.CsvFixtures.write;
import static com.helpdesk.export.domain.model.ResourceType.ARTICLES;
import static com.helpdesk.export.domain.model.ResourceType.CUSTOMERS;
import static com.helpdesk.export.domain.model.ResourceType.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.domain.model.CustomFieldDefinition;
import com.helpdesk.export.domain.model.CustomFieldKind;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import com.helpdesk.export.domain.model.FieldSelection;
import com.helpdesk.export.domain.model.ResourceType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Writes nasty rows, reads them back with Apache Commons CSV and compares cell by cell. */
class CsvRoundTripTest {

    static final List<String> NASTY = List.of(
            "plain",
            "",
            " ",
            "  leading",
            "trailing  ",
            " both ",
            "comma, inside",
            ",",
            ",,",
            "\"",
            "\"\"",
            "say \"hi\"",
            "\"start",
            "end\"",
            "line\nbreak",
            "line\r\nbreak",
            "cr\ronly",
            "\n",
            "\r\n",
            "\r",
            "trailing newline\n",
            "tab\tinside",
            "\tleading tab",
            "=1+2",
            "+33 6 12",
            "-5",
            "@cmd",
            "=HYPERLINK(\"x\")",
            "'already quoted",
            "'=not ambiguous? it is",
            "#not a comment",
            "naïve café",
            "日本語のテキスト",
            "emoji 😀👍🏽",
            "🇫🇷",
            "mixed \"q\", \r\n and 😀 ",
            "\u00a0nbsp\u00a0",
            "\u2028line sep",
            "back\\slash",
            "semi;colon",
            "x".repeat(5_000),
            "zero\u0000byte");

    @Test
    void ticketsSurviveAnIndependentReader() {
        List<TestRow> rows = new ArrayList<>();
        for (int i = 0; i < NASTY.size(); i++) {
            String text = NASTY.get(i);
            rows.add(TestRow.of(TICKETS)
                    .with("id", new UUID(i, ~i))
                    .with("title", text)
                    .with("status", i % 2 == 0 ? "open" : "=open")
                    .with("priority", i % 3 == 0 ? null : "high")
                    .with("customerId", i % 4 == 0 ? null : UUID.randomUUID())
                    .with("assignedTo", UUID.randomUUID())
                    .with("tags", i % 5 == 0 ? List.of() : List.of("t" + i, "-neg", "ünï", "😀"))
                    .with("notes", NASTY.get(NASTY.size() - 1 - i))
                    .with("messageCount", i - 3)
                    .with("createdAt", Instant.parse("2026-01-01T00:00:00Z").plusNanos(i * 1_001_000L))
                    .with(
                            "updatedAt",
                            Instant.parse("2026-03-04T05:06:07.123456Z").plusSeconds(i))
                    .with("resolvedAt", i % 2 == 0 ? null : Instant.ofEpochSecond(-i, i * 1000L))
                    .with("responseDeadline", i % 3 == 0 ? null : Instant.ofEpochSecond(1_800_000_000L + i))
                    .with(
                            "metadata",
                            i % 4 == 0
                                    ? null
                                    : "{\"source\": \"" + (i % 2 == 0 ? "=cmd" : "mail, \\\"x\\\"")
                                            + "\", \"n\": [1, 2.50, {\"deep\": null}], \"é\": true}")
                    .with("customFields.plan", i % 3 == 0 ? null : i % 2 == 0 ? "-gold" : "silver")
                    .with("customFields.note", i % 4 == 1 ? null : text)
                    .with("customFields.amount", i % 5 == 0 ? null : new BigDecimal("-" + i + ".50"))
                    .with("customFields.vip", i % 3 == 0 ? null : i % 2 == 0)
                    .with("customFields.due", i % 2 == 0 ? null : LocalDate.of(2026, 1 + i % 12, 1 + i % 28)));
        }
        List<Field> fields = FieldSelection.all(TICKETS).resolve(DEFINITIONS);
        assertRoundTrip(TICKETS, fields, rows, false);
        assertRoundTrip(TICKETS, fields, rows, true);
        assertRoundTrip(TICKETS, TICKETS.fields(), rows, false);
    }

    /** One custom field of every kind; text and select cells follow the formula rule, the others never change. */
    static final List<CustomFieldDefinition> DEFINITIONS = List.of(
            new CustomFieldDefinition("plan", "Plan", CustomFieldKind.SELECT, 0),
            new CustomFieldDefinition("note", "Note", CustomFieldKind.TEXT, 1),
            new CustomFieldDefinition("amount", "Amount", CustomFieldKind.NUMBER, 2),
            new CustomFieldDefinition("vip", "VIP", CustomFieldKind.BOOLEAN, 3),
            new CustomFieldDefinition("due", "Due", CustomFieldKind.DATE, 4));

    @Test
    void customersAndArticlesSurviveAnIndependentReader() {
        List<TestRow> customers = new ArrayList<>();
        List<TestRow> articles = new ArrayList<>();
        for (int i = 0; i < NASTY.size(); i++) {
            String text = NASTY.get(i);
            customers.add(TestRow.of(CUSTOMERS)
                    .with("id", UUID.randomUUID())
                    .with("name", text)
                    .with("email", i % 2 == 0 ? null : text + "@example.com")
                    .with("status", "active")
                    .with("sentiment", "neutral")
                    .with("tags", List.of("a" + i))
                    .with("notes", text)
                    .with("ticketCount", i)
                    .with("createdAt", Instant.ofEpochMilli(i))
                    .with("updatedAt", Instant.ofEpochMilli(i))
                    .with("phone", i % 2 == 0 ? "+33 6 12 34 56 78" : null)
                    .with("metadata", "{}")
                    .with("customFields.note", "=SUM(A1:A9)")
                    .with("customFields.amount", new BigDecimal("1e-7").multiply(BigDecimal.valueOf(i))));
            articles.add(TestRow.of(ARTICLES)
                    .with("id", UUID.randomUUID())
                    .with("title", text)
                    .with("content", text + "\n\n" + text)
                    .with("category", i % 3 == 0 ? null : "-cat")
                    .with("status", "published")
                    .with("isPublic", i % 3 == 0 ? null : i % 2 == 0)
                    .with("tags", List.of())
                    .with("viewCount", Integer.MAX_VALUE - i)
                    .with("useCount", null)
                    .with("createdAt", Instant.EPOCH)
                    .with("updatedAt", Instant.EPOCH)
                    .with("publishedAt", null)
                    .with("slug", "article-" + i)
                    .with("seoTitle", text)
                    .with("seoDescription", i % 2 == 0 ? null : text));
        }
        assertRoundTrip(CUSTOMERS, FieldSelection.all(CUSTOMERS).resolve(DEFINITIONS), customers, false);
        assertRoundTrip(ARTICLES, ARTICLES.fields(), articles, true);
    }

    @Test
    void aSingleColumnSurvivesAnIndependentReaderRowForRow() {
        List<TestRow> rows = new ArrayList<>();
        for (String text : NASTY) {
            rows.add(TestRow.of(TICKETS).with("notes", text));
            rows.add(TestRow.of(TICKETS));
        }
        assertRoundTrip(TICKETS, fields(TICKETS, "notes"), rows, false);
    }

    @Test
    void aReorderedSelectionSurvivesAnIndependentReader() {
        List<TestRow> rows = new ArrayList<>();
        for (String text : NASTY) {
            rows.add(TestRow.of(TICKETS)
                    .with("notes", text)
                    .with("id", UUID.randomUUID())
                    .with("title", text));
        }
        assertRoundTrip(TICKETS, fields(TICKETS, "notes", "id", "title"), rows, false);
    }

    @Test
    void messagesAndMembersSurviveAnIndependentReader() {
        List<TestRow> messages = new ArrayList<>();
        List<TestRow> members = new ArrayList<>();
        for (int i = 0; i < NASTY.size(); i++) {
            String text = NASTY.get(i);
            String sender = List.of("agent", "customer", "system").get(i % 3);
            messages.add(TestRow.of(ResourceType.MESSAGES)
                    .with("id", UUID.randomUUID())
                    .with("ticketId", UUID.randomUUID())
                    .with("sender", sender)
                    .with(
                            "authorId",
                            sender.equals("system")
                                    ? null
                                    : (sender.equals("agent") ? "mem_" : "cus_") + "0123456789abcdef0123456789abcdef")
                    .with("senderName", sender.equals("system") ? null : text)
                    .with("isInternal", i % 4 == 0)
                    .with("content", text)
                    .with("createdAt", Instant.ofEpochSecond(i)));
            members.add(TestRow.of(ResourceType.MEMBERS)
                    .with("id", UUID.randomUUID())
                    .with("name", text)
                    .with("email", i % 2 == 0 ? null : "m" + i + "@example.com")
                    .with("role", "agent")
                    .with("createdAt", Instant.ofEpochSecond(i)));
        }
        assertRoundTrip(ResourceType.MESSAGES, ResourceType.MESSAGES.fields(), messages, false);
        assertRoundTrip(ResourceType.MEMBERS, ResourceType.MEMBERS.fields(), members, true);
    }

    static void assertRoundTrip(ResourceType type, List<Field> selection, List<TestRow> rows, boolean bom) {
        // the group customFields itself is no column: its fields are
        List<Field> fields =
                selection.stream().filter(f -> f.kind() != FieldKind.CUSTOM).toList();
        byte[] bytes = write(document(bom, section(type, selection, rows)));
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (bom) {
            assertThat(text).startsWith("\uFEFF");
            text = text.substring(1);
        } else {
            assertThat(text).doesNotStartWith("\uFEFF");
        }
        List<List<String>> records = CsvReadBack.parse(text);

        assertThat(records).hasSize(rows.size() + 1);
        assertThat(records.get(0))
                .containsExactlyElementsOf(fields.stream().map(Field::name).toList());
        for (int r = 0; r < rows.size(); r++) {
            TestRow row = rows.get(r);
            List<String> record = records.get(r + 1);
            assertThat(record).as("row %d", r).hasSize(fields.size());
            for (int c = 0; c < fields.size(); c++) {
                Field field = fields.get(c);
                String cell = record.get(c);
                Object original = row.value(field);
                if (field.kind().isFreeText() && original instanceof String s) {
                    assertThat(cell).as("row %d %s", r, field.name()).isEqualTo(CsvReadBack.expectedText(s));
                }
                if (original instanceof String s
                        && s.length() > 1
                        && s.charAt(0) == '\''
                        && "=+-@\t\r".indexOf(s.charAt(1)) >= 0) {
                    continue; // the one ambiguous case, checked forwards above
                }
                assertThat(CsvReadBack.value(field, cell))
                        .as("row %d %s: %s", r, field.name(), cell)
                        .isEqualTo(CsvReadBack.normalized(field, row));
            }
        }
    }
}
