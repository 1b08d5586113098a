package com.helpdesk.export.persistence.jdbc.read;

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
 * The values a page statement reads back from its bound settings ({@link BoundValues}) are exactly the values that
 * were bound, quotes, backslashes and every character a filter may hold included, whatever
 * {@code standard_conforming_strings} says, and nothing of them is in the statement's text: PostgreSQL is the oracle.
 */
class BoundValuesTest {

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
            try (Connection c = TestPostgres.asExportReader(TestPostgres.migratedDatabase())
                            .getConnection();
                    Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.execute("SET standard_conforming_strings = " + conforming);
                Property.forAll(500, TEXTS, TEXTS, (a, b) -> {
                    BoundValues values = new BoundValues();
                    String select = "SELECT " + values.text(a) + ", " + values.textArray(List.of(a, b));
                    BoundValues other = new BoundValues();
                    assertThat(select)
                            .as("the text is the shape's, whatever the values")
                            .isEqualTo("SELECT " + other.text("x") + ", " + other.textArray(List.of("y", "z")));
                    values.bind(c, 30_000);
                    try (ResultSet rs = s.executeQuery(select)) {
                        rs.next();
                        assertThat(rs.getString(1)).isEqualTo(a);
                        assertThat(strings(rs.getArray(2))).containsExactly(a, b);
                    }
                });
                c.rollback();
            }
        }
    }

    @Test
    void aNulIsRefusedAndAnEmptyArrayHasNothingToBind() {
        assertThatThrownBy(() -> new BoundValues().text("a\u0000b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BoundValues().textArray(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timesReadBackToTheMicrosecondAcrossPostgresRangeAndIdsAndBooleansAsThemselves() throws Exception {
        long first = micros(Instant.parse("-4712-01-01T00:00:00Z")); // 4713 BC, PostgreSQL's first day
        long last = micros(Instant.parse("+292000-12-31T23:59:59.999999Z")); // near the last a long holds
        try (Connection c = TestPostgres.migratedDatabase().getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            // a session time zone far from UTC: the bound text names its offset, so it must not matter
            s.execute("SET TIME ZONE 'Pacific/Kiritimati'");
            Property.forAll(
                    1000,
                    Gens.oneOf(Gens.longs(first, last), Gens.longs(-1_000_000_000_000_000L, 4_000_000_000_000_000L)),
                    Gens.uuids(),
                    (micros, id) -> {
                        Instant instant = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
                        BoundValues values = new BoundValues();
                        String select = "SELECT extract(epoch FROM " + values.timestamptz(instant) + ") * 1000000, "
                                + values.uuid(id) + ", " + values.bool(micros % 2 == 0);
                        values.bind(c, 30_000);
                        try (ResultSet rs = s.executeQuery(select)) {
                            rs.next();
                            assertThat(rs.getBigDecimal(1)).isEqualByComparingTo(BigDecimal.valueOf(micros));
                            assertThat(rs.getObject(2, UUID.class)).isEqualTo(id);
                            assertThat(rs.getBoolean(3)).isEqualTo(micros % 2 == 0);
                        }
                    });
            c.rollback();
        }
    }

    @Test
    void theDomainsStoredTimesAreExactlyTheOnesPostgresTakes() throws Exception {
        try (Connection c = TestPostgres.migratedDatabase().getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET TIME ZONE 'UTC'");
            BoundValues values = new BoundValues();
            String select = "SELECT " + values.timestamptz(StoredTime.EARLIEST) + "::text, "
                    + values.timestamptz(StoredTime.LATEST) + "::text";
            values.bind(c, 30_000);
            try (ResultSet rs = s.executeQuery(select)) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("4714-11-24 00:00:00+00 BC");
                assertThat(rs.getString(2)).isEqualTo("294276-12-31 23:59:59.999999+00");
            }
            c.rollback();
            for (Instant outside : List.of(
                    StoredTime.EARLIEST.minus(1, ChronoUnit.MICROS), StoredTime.LATEST.plus(1, ChronoUnit.MICROS))) {
                BoundValues one = new BoundValues();
                String refused = "SELECT " + one.timestamptz(outside);
                one.bind(c, 30_000);
                assertThatThrownBy(() -> s.executeQuery(refused))
                        .as("%s is refused", outside)
                        .isInstanceOfSatisfying(
                                SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("22008"));
                c.rollback();
            }
        }
    }

    @Test
    void theStatementTimeoutIsBoundWithTheValues() throws SQLException {
        try (Connection c = TestPostgres.migratedDatabase().getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            new BoundValues().bind(c, 1234);
            try (ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("1234ms");
            }
            c.rollback();
            try (ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
                rs.next();
                assertThat(rs.getString(1)).as("local to the transaction").isEqualTo("0");
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
