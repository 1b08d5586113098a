package com.helpdesk.export.csv;

import com.helpdesk.export.domain.model.Field;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import com.helpdesk.export.domain.port.ExportDocument;

import static com.helpdesk.export.csv.CsvFixtures.document;
import static com.helpdesk.export.csv.CsvFixtures.fields;
import static com.helpdesk.export.csv.CsvFixtures.write;
import static com.helpdesk.export.domain.model.ResourceType.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;

/** For arbitrary texts, an independent RFC 4180 reader gives back exactly the documented cell. */
class CsvPropertyTest {

    private static final List<Field> TEXT_AND_TIME = fields(TICKETS, "title", "createdAt", "notes");
    private static final List<Field> ONE_TEXT = fields(TICKETS, "notes");

    @Property(tries = 500)
    void anyTextReadsBackAsItsDocumentedCell(@ForAll("texts") String title, @ForAll("texts") String notes,
                                              @ForAll("instants") Instant createdAt) {
        TestRow row = TestRow.of(TICKETS).with("title", title).with("createdAt", createdAt).with("notes", notes);
        List<List<String>> records = readBack(document(TICKETS, TEXT_AND_TIME, List.of(row)));

        assertThat(records).hasSize(2);
        assertThat(records.get(1)).containsExactly(CsvReadBack.expectedText(title), createdAt.toString(),
                CsvReadBack.expectedText(notes));
        assertThat(Instant.parse(records.get(1).get(1))).isEqualTo(createdAt);
    }

    @Property(tries = 300)
    void anyTextsOfASingleColumnReadBackRowForRow(@ForAll @Size(max = 8) List<@net.jqwik.api.From("nullableTexts") String> notes) {
        List<TestRow> rows = notes.stream().map(n -> TestRow.of(TICKETS).with("notes", n)).toList();
        List<List<String>> records = readBack(document(TICKETS, ONE_TEXT, rows));

        assertThat(records).hasSize(notes.size() + 1);
        for (int i = 0; i < notes.size(); i++) {
            assertThat(records.get(i + 1)).containsExactly(CsvReadBack.expectedText(notes.get(i)));
        }
    }

    @Property(tries = 300)
    void anyTagsReadBackAsTheSameList(@ForAll("tagLists") List<String> tags) {
        TestRow row = TestRow.of(TICKETS).with("tags", tags).with("title", "t");
        List<List<String>> records = readBack(document(TICKETS, fields(TICKETS, "tags", "title"), List.of(row)));

        String cell = records.get(1).get(0);
        assertThat(cell).isEqualTo(CsvReadBack.expectedText(String.join(" ", tags)));
        if (!tags.isEmpty() && !tags.get(0).startsWith("'")) {
            assertThat(CsvReadBack.value(TICKETS.field("tags").orElseThrow(), cell)).isEqualTo(tags);
        }
    }

    private static List<List<String>> readBack(ExportDocument document) {
        return CsvReadBack.parse(new String(write(document), StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> nasty = Arbitraries.of(",", "\"", "\r", "\n", "\r\n", " ", "\t", "=", "+", "-", "@", "'",
                "#", ";", "\\", "\u0000", "\u00a0", "\u2028", "\uFEFF");
        Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(6);
        Arbitrary<String> bmp = Arbitraries.strings().withCharRange('\u0080', '\ud7ff').ofMaxLength(4);
        Arbitrary<String> astral = Arbitraries.integers().between(0x10000, 0x10FFFF)
                .map(cp -> new String(Character.toChars(cp)));
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, nasty), net.jqwik.api.Tuple.of(3, ascii),
                        net.jqwik.api.Tuple.of(2, bmp), net.jqwik.api.Tuple.of(1, astral))
                .list().ofMaxSize(12).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> nullableTexts() {
        return texts().injectNull(0.2);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("9999-12-31T23:59:59Z").getEpochSecond())
                .flatMap(seconds -> Arbitraries.integers().between(0, 999_999)
                        .map(micros -> Instant.ofEpochSecond(seconds, micros * 1000L)));
    }

    @Provide
    Arbitrary<List<String>> tagLists() {
        Arbitrary<String> tag = Arbitraries.strings().withChars("abc-=+@',\"#ü😀".toCharArray())
                .withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
                .filter(t -> t.codePoints().noneMatch(Character::isWhitespace))
                .filter(CsvPropertyTest::wellFormed);
        return tag.list().ofMaxSize(5);
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
