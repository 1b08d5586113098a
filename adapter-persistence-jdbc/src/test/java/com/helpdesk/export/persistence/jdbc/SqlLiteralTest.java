package com.helpdesk.export.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.model.StoredTime;
import com.helpdesk.export.persistence.jdbc.testsupport.TestPostgres;
import com.helpdesk.export.testsupport.Gen;
import com.helpdesk.export.testsupport.Gens;
import com.helpdesk.export.testsupport.Property;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The values the reader writes into its SQL ({@link SqlLiteral}) are read back by PostgreSQL as exactly the values
 * they were, quotes, backslashes and every character a filter may hold included, whatever
 * {@code standard_conforming_strings} says: PostgreSQL's own parser is the oracle.
 */
class SqlLiteralTest {

    /** Code points a filter may hold (no NUL, no lone surrogate: the domain refuses both), the SQL-special often. */
    private static final Gen<String> TEXTS = Gens.codePointStrings(
            Gens.oneOf(
                    Gens.of((int) '\'', (int) '\\', (int) '"', (int) '$', (int) ';', (int) '-', (int) 'E', (int) '\n'),
                    Gens.ints(1, 0x7F),
                    Gens.ints(0xA0, 0xD7FF),
                    Gens.ints(0x10000, 0x10FFFF)),
            0,
            40);

    @Test
    void textAndTextArraysReadBackAsThemselvesWithEitherStringSetting() throws Exception {
        for (String conforming : List.of("on", "off")) {
            try (Connection c = TestPostgres.migratedDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("SET standard_conforming_strings = " + conforming);
                Property.forAll(500, TEXTS, TEXTS, (a, b) -> {
                    try (ResultSet rs = s.executeQuery("SELECT " + SqlLiteral.text(a) + ", "
                            + SqlLiteral.textArray(List.of(a, b)) + ", " + SqlLiteral.textArray(List.of()))) {
                        rs.next();
                        assertThat(rs.getString(1)).isEqualTo(a);
                        assertThat(strings(rs.getArray(2))).containsExactly(a, b);
                        assertThat(strings(rs.getArray(3))).isEmpty();
                    }
                });
            }
        }
    }

    @Test
    void aNulIsRefusedBeforeItCouldEndTheStatement() {
        assertThatThrownBy(() -> SqlLiteral.text("a\u0000b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timesReadBackToTheMicrosecondAcrossPostgresRangeAndIdsAsThemselves() throws Exception {
        long first = micros(Instant.parse("-4712-01-01T00:00:00Z")); // 4713 BC, PostgreSQL's first day
        long last = micros(Instant.parse("+292000-12-31T23:59:59.999999Z")); // near the last a long holds
        try (Connection c = TestPostgres.migratedDatabase().getConnection();
                Statement s = c.createStatement()) {
            Property.forAll(
                    1000,
                    Gens.oneOf(Gens.longs(first, last), Gens.longs(-1_000_000_000_000_000L, 4_000_000_000_000_000L)),
                    Gens.uuids(),
                    (micros, id) -> {
                        Instant instant = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
                        try (ResultSet rs = s.executeQuery("SELECT extract(epoch FROM "
                                + SqlLiteral.timestamptz(instant) + ") * 1000000, " + SqlLiteral.uuid(id)
                                + ", " + SqlLiteral.integer(micros) + ", " + SqlLiteral.bool(micros % 2 == 0))) {
                            rs.next();
                            assertThat(rs.getBigDecimal(1)).isEqualByComparingTo(BigDecimal.valueOf(micros));
                            assertThat(rs.getObject(2, UUID.class)).isEqualTo(id);
                            assertThat(rs.getLong(3)).isEqualTo(micros);
                            assertThat(rs.getBoolean(4)).isEqualTo(micros % 2 == 0);
                        }
                    });
        }
    }

    @Test
    void theDomainsStoredTimesAreExactlyTheOnesPostgresTakes() throws Exception {
        try (Connection c = TestPostgres.migratedDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
            try (ResultSet rs = s.executeQuery("SELECT " + SqlLiteral.timestamptz(StoredTime.EARLIEST) + "::text, "
                    + SqlLiteral.timestamptz(StoredTime.LATEST) + "::text")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("4714-11-24 00:00:00+00 BC");
                assertThat(rs.getString(2)).isEqualTo("294276-12-31 23:59:59.999999+00");
            }
            for (Instant outside : List.of(
                    StoredTime.EARLIEST.minus(1, ChronoUnit.MICROS), StoredTime.LATEST.plus(1, ChronoUnit.MICROS))) {
                assertThatThrownBy(() -> s.executeQuery("SELECT " + SqlLiteral.timestamptz(outside)))
                        .as("%s is refused", outside)
                        .isInstanceOfSatisfying(
                                SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("22008"));
            }
        }
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static List<String> strings(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        return Arrays.asList(Arrays.copyOf(values, values.length, String[].class));
    }
}
