package com.helpdesk.export.csv;

import static com.helpdesk.export.csv.CsvFixtures.document;
import static com.helpdesk.export.csv.CsvFixtures.fields;
import static com.helpdesk.export.csv.CsvFixtures.write;
import static com.helpdesk.export.domain.model.ResourceType.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.testsupport.Gen;
import com.helpdesk.export.testsupport.Gens;
import com.helpdesk.export.testsupport.Property;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** For arbitrary texts, an independent RFC 4180 reader gives back exactly the documented cell. */
class CsvPropertyTest {

    private static final List<Field> TEXT_AND_TIME = fields(TICKETS, "title", "createdAt", "notes");
    private static final List<Field> ONE_TEXT = fields(TICKETS, "notes");

    @Test
    void anyTextReadsBackAsItsDocumentedCell() {
        Property.forAll(500, texts(), texts(), instants(), (title, notes, createdAt) -> {
            TestRow row = TestRow.of(TICKETS)
                    .with("title", title)
                    .with("createdAt", createdAt)
                    .with("notes", notes);
            List<List<String>> records = readBack(document(TICKETS, TEXT_AND_TIME, List.of(row)));

            assertThat(records).hasSize(2);
            assertThat(records.get(1))
                    .containsExactly(
                            CsvReadBack.expectedText(title), createdAt.toString(), CsvReadBack.expectedText(notes));
            assertThat(Instant.parse(records.get(1).get(1))).isEqualTo(createdAt);
        });
    }

    @Test
    void anyTextsOfASingleColumnReadBackRowForRow() {
        Property.forAll(300, texts().orNull(0.2).list(0, 8), notes -> {
            List<TestRow> rows = notes.stream()
                    .map(n -> TestRow.of(TICKETS).with("notes", n))
                    .toList();
            List<List<String>> records = readBack(document(TICKETS, ONE_TEXT, rows));

            assertThat(records).hasSize(notes.size() + 1);
            for (int i = 0; i < notes.size(); i++) {
                assertThat(records.get(i + 1)).containsExactly(CsvReadBack.expectedText(notes.get(i)));
            }
        });
    }

    @Test
    void anyTagsReadBackAsTheSameList() {
        Property.forAll(300, tagLists(), tags -> {
            TestRow row = TestRow.of(TICKETS).with("tags", tags).with("title", "t");
            List<List<String>> records = readBack(document(TICKETS, fields(TICKETS, "tags", "title"), List.of(row)));

            String cell = records.get(1).get(0);
            assertThat(cell).isEqualTo(CsvReadBack.expectedText(String.join(" ", tags)));
            if (!tags.isEmpty() && !tags.get(0).startsWith("'")) {
                assertThat(CsvReadBack.value(TICKETS.field("tags").orElseThrow(), cell))
                        .isEqualTo(tags);
            }
        });
    }

    private static List<List<String>> readBack(CsvFixtures.Document document) {
        return CsvReadBack.parse(new String(write(document), StandardCharsets.UTF_8));
    }

    /**
     * Texts of up to 12 parts: the characters CSV and spreadsheets treat specially (separators, quotes, line
     * breaks, formula starts, NUL, invisible characters), short ASCII runs (controls included), BMP text and astral
     * characters (surrogate pairs). The empty text comes from a list of no parts.
     */
    private static Gen<String> texts() {
        Gen<String> nasty = Gens.of(
                ",", "\"", "\r", "\n", "\r\n", " ", "\t", "=", "+", "-", "@", "'", "#", ";", "\\", "\u0000", "\u00a0",
                "\u2028", "\uFEFF");
        Gen<String> ascii = Gens.asciiStrings(0, 6);
        Gen<String> bmp = Gens.strings(Gens.chars('\u0080', '\ud7ff'), 0, 4);
        Gen<String> astral = Gens.ints(0x10000, 0x10FFFF).map(cp -> new String(Character.toChars(cp)));
        return Gens.frequency(Gens.weight(4, nasty), Gens.weight(3, ascii), Gens.weight(2, bmp), Gens.weight(1, astral))
                .list(0, 12)
                .map(parts -> String.join("", parts));
    }

    private static Gen<Instant> instants() {
        Gen<Long> seconds = Gens.longs(
                Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
        Gen<Integer> micros = Gens.ints(0, 999_999);
        return random -> Instant.ofEpochSecond(seconds.next(random), micros.next(random) * 1000L);
    }

    /**
     * Up to five tags of one to eight code points, without white space: letters, formula starts, quotes, a
     * two-byte letter and an emoji (a surrogate pair, never a lone half).
     */
    private static Gen<List<String>> tagLists() {
        List<Integer> codePoints =
                new java.util.ArrayList<>("abc-=+@',\"#ü😀".codePoints().boxed().toList());
        for (int c = 'a'; c <= 'z'; c++) {
            codePoints.add(c);
        }
        return Gens.codePointStrings(Gens.of(codePoints), 1, 8).list(0, 5);
    }
}
