package com.helpdesk.export.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.testsupport.Gen;
import com.helpdesk.export.testsupport.Gens;
import com.helpdesk.export.testsupport.Property;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The writer must give the very bytes the JDK's UTF-8 {@code OutputStreamWriter} gives, however the text is cut. */
class Utf8WriterTest {

    @Test
    void encodesLikeTheJdkWhateverTheTextAndHowItIsCut() {
        Property.forAll(3_000, texts(), cuts(), (text, cuts) -> {
            assertThat(ours(text, cuts, 16)).isEqualTo(jdk(text, cuts));
            assertThat(ours(text, cuts, 8 * 1024)).isEqualTo(jdk(text, cuts));
        });
    }

    /** Up to 200 UTF-16 units: mostly ASCII, with lone and paired surrogates, two- and three-byte characters. */
    private static Gen<String> texts() {
        Gen<Character> ascii = Gens.chars(' ', '~');
        Gen<Character> any = Gens.anyChar();
        Gen<Character> surrogates = Gens.chars('\uD800', '\uDFFF');
        Gen<Character> twoAndThreeBytes = Gens.of('é', 'ß', 'Ж', '€', '中', '\u07FF', '\u0800', '\uFFFF');
        return Gens.strings(
                Gens.frequency(
                        Gens.weight(6, ascii),
                        Gens.weight(2, any),
                        Gens.weight(2, surrogates),
                        Gens.weight(2, twoAndThreeBytes)),
                0,
                200);
    }

    private static Gen<List<Integer>> cuts() {
        return Gens.ints(1, 40).list(1, 20);
    }

    @Test
    void joinsAPairSplitAcrossTwoWritesAndReplacesLoneHalves() throws IOException {
        String emoji = "a\uD83D\uDE00b";
        assertThat(ours(emoji, List.of(2, 1, 1), 16)).isEqualTo(emoji.getBytes(StandardCharsets.UTF_8));
        assertThat(ours("x\uD83Dy\uDE00z", List.of(2, 3), 16)).isEqualTo("x?y?z".getBytes(StandardCharsets.US_ASCII));
        // a high surrogate left at the very end becomes ? when the text is closed, as the JDK's writer does
        assertThat(ours("end\uD83D", List.of(4), 16)).isEqualTo(jdk("end\uD83D", List.of(4)));
    }

    @Test
    void neverClosesTheCallersStreamAndFlushesIt() throws IOException {
        boolean[] state = new boolean[2];
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {}

            @Override
            public void flush() {
                state[0] = true;
            }

            @Override
            public void close() {
                state[1] = true;
            }
        };
        Writer writer = new Utf8Writer(out, 64);
        writer.write("abc");
        writer.close();
        assertThat(state[0]).as("flushed").isTrue();
        assertThat(state[1]).as("closed").isFalse();
    }

    private static byte[] ours(String text, List<Integer> cuts, int bufferBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new Utf8Writer(bytes, bufferBytes)) {
            writeCut(writer, text, cuts);
        }
        return bytes.toByteArray();
    }

    private static byte[] jdk(String text, List<Integer> cuts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            writeCut(writer, text, cuts);
        }
        return bytes.toByteArray();
    }

    /** Writes the text as char arrays cut at the given lengths (cycling through them). */
    private static void writeCut(Writer writer, String text, List<Integer> cuts) throws IOException {
        char[] chars = text.toCharArray();
        int at = 0;
        for (int i = 0; at < chars.length; i++) {
            int length = Math.min(cuts.get(i % cuts.size()), chars.length - at);
            writer.write(chars, at, length);
            at += length;
        }
    }
}
