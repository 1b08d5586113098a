package com.helpdesk.export.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.error.SpoolFullException;
import com.helpdesk.export.domain.port.Spool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSpoolTest {

    private static final int MEMORY = 64 * 1024;

    @TempDir
    Path root;

    private FileSpoolStore store;

    @BeforeEach
    void open() {
        store = FileSpoolStore.open(root, MEMORY, 8L << 20);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void keepsASmallSpoolInMemoryAndGivesBackAnyRange() throws IOException {
        byte[] data = random(50_000, 1);
        try (Spool spool = store.create()) {
            write(spool.output(), data, 7);
            assertThat(spool.size()).isEqualTo(data.length);
            assertThat(spoolFiles()).as("no file for what fits in memory").isZero();
            assertThat(store.diskInUse()).isZero();
            assertThat(copy(spool, 0, data.length)).isEqualTo(data);
            assertThat(copy(spool, 123, 4_567)).isEqualTo(Arrays.copyOfRange(data, 123, 4_567));
            assertThat(copy(spool, 10, 10)).isEmpty();
        }
    }

    @Test
    void movesToAFileWhenItOutgrowsItsMemoryAndDeletesItWhenClosed() throws IOException {
        byte[] data = random(3 * 1024 * 1024 + 17, 2);
        Spool spool = store.create();
        write(spool.output(), data, 40_000);
        assertThat(spool.size()).isEqualTo(data.length);
        assertThat(spoolFiles()).isEqualTo(1);
        assertThat(store.diskInUse())
                .isBetween((long) data.length, data.length + (long) FileSpoolStore.RESERVATION_STEP);
        assertThat(copy(spool, 0, data.length)).isEqualTo(data);
        // ranges across the memory bound and across the write buffer, read twice
        assertThat(copy(spool, MEMORY - 5, MEMORY + 100_000))
                .isEqualTo(Arrays.copyOfRange(data, MEMORY - 5, MEMORY + 100_000));
        assertThat(copy(spool, data.length - 3, data.length))
                .isEqualTo(Arrays.copyOfRange(data, data.length - 3, data.length));
        spool.close();
        assertThat(spoolFiles()).isZero();
        assertThat(store.diskInUse()).isZero();
        spool.close(); // idempotent
        assertThat(store.diskInUse()).isZero();
    }

    @Test
    void refusesWhatPassesTheStoresDiskBoundAndGivesTheRoomBackOnClose() throws IOException {
        try (FileSpoolStore small = FileSpoolStore.open(root.resolve("small"), 1024, 2L << 20)) {
            Spool first = small.create();
            write(first.output(), random(1_500_000, 3), 8_192);
            Spool second = small.create();
            assertThatThrownBy(() -> write(second.output(), random(1_500_000, 4), 8_192))
                    .isInstanceOf(SpoolFullException.class);
            second.close();
            first.close();
            assertThat(small.diskInUse()).isZero();
            try (Spool third = small.create()) {
                write(third.output(), random(1_500_000, 5), 8_192);
                assertThat(third.size()).isEqualTo(1_500_000);
            }
        }
    }

    @Test
    void aClosedSpoolTakesAndGivesNothing() throws IOException {
        Spool spool = store.create();
        spool.output().write(1);
        spool.close();
        assertThatThrownBy(() -> spool.output().write(2)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> spool.copyTo(0, 1, new ByteArrayOutputStream()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void refusesARangeOutsideWhatWasWritten() throws IOException {
        try (Spool spool = store.create()) {
            spool.output().write(new byte[10]);
            assertThatThrownBy(() -> spool.copyTo(0, 11, new ByteArrayOutputStream()))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> spool.copyTo(5, 4, new ByteArrayOutputStream()))
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    private long spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(store.directory())) {
            return files.filter(p -> p.getFileName().toString().startsWith("spool-"))
                    .count();
        }
    }

    private static byte[] copy(Spool spool, long from, long to) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        spool.copyTo(from, to, out);
        return out.toByteArray();
    }

    private static void write(OutputStream out, byte[] data, int chunk) throws IOException {
        for (int at = 0; at < data.length; at += chunk) {
            int length = Math.min(chunk, data.length - at);
            if (length == 1) {
                out.write(data[at]);
            } else {
                out.write(data, at, length);
            }
        }
    }

    private static byte[] random(int length, long seed) {
        byte[] data = new byte[length];
        new Random(seed).nextBytes(data);
        return data;
    }
}
