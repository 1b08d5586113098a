package com.helpdesk.export.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import com.helpdesk.export.testsupport.Gen;
import com.helpdesk.export.testsupport.Gens;
import com.helpdesk.export.testsupport.Property;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

    private static final UUID ID = UUID.fromString("0f3c2a1b-4d5e-6f70-8192-a3b4c5d6e7f8");
    private static final String PARAM = "resources[0].cursor";

    private static String token(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String token, ResourceType expected) {
        assertThatThrownBy(() -> Cursor.decode(token, expected, PARAM))
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
                    assertThat(e.param()).isEqualTo(PARAM);
                    assertThat(e.getMessage()).contains(expected.wireName());
                });
    }

    private static final Gen<ResourceType> TYPES = Gens.of(ResourceType.values());

    @Test
    void decodeUndoesEncode() {
        Property.forAll(1000, TYPES, instants(), Gens.uuids(), (type, createdAt, id) -> {
            Cursor cursor = new Cursor(type, createdAt, id);
            String token = cursor.encode();
            assertThat(token).matches("[A-Za-z0-9_-]+").hasSizeLessThanOrEqualTo(200);
            assertThat(Cursor.decode(token, type, PARAM)).isEqualTo(cursor);
        });
    }

    @Test
    void aCursorOfOneTypeIsRefusedForAnother() {
        // every other type, so that no try is lost to drawing the same type twice
        Property.forAll(1000, TYPES, instants(), (type, createdAt) -> {
            String token = new Cursor(type, createdAt, ID).encode();
            for (ResourceType other : ResourceType.values()) {
                if (other != type) {
                    assertRefused(token, other);
                }
            }
        });
    }

    /**
     * Instants with any precision (nanoseconds are dropped), within the range that {@link Cursor#encode()} can
     * handle on Java 17 (see {@link #encodesTimesOutsideTheNanosecondRangeOfALong()}).
     */
    private static Gen<Instant> instants() {
        Gen<Long> seconds = Gens.longs(
                Instant.parse("1677-09-22T00:00:00Z").getEpochSecond(),
                Instant.parse("2262-04-10T00:00:00Z").getEpochSecond());
        Gen<Integer> nanos = Gens.ints(0, 999_999_999);
        return random -> Instant.ofEpochSecond(seconds.next(random), nanos.next(random));
    }

    @Test
    void keepsMicrosecondsAndDropsNanoseconds() {
        Cursor cursor = new Cursor(ResourceType.TICKETS, Instant.parse("2026-01-01T00:00:00.123456789Z"), ID);
        assertThat(cursor.createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
        assertThat(Cursor.decode(cursor.encode(), ResourceType.TICKETS, PARAM).createdAt())
                .isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
        Cursor beforeEpoch = new Cursor(ResourceType.TICKETS, Instant.ofEpochSecond(-1, 999_999_999), ID);
        assertThat(beforeEpoch.createdAt()).isEqualTo(Instant.ofEpochSecond(-1, 999_999_000));
        assertThat(Cursor.decode(beforeEpoch.encode(), ResourceType.TICKETS, PARAM))
                .isEqualTo(beforeEpoch);
    }

    @Test
    void encodesAVersionTheTypeTheMicrosecondsAndTheId() {
        Cursor cursor = new Cursor(ResourceType.CUSTOMERS, Instant.ofEpochSecond(1, 2_000), ID);
        assertThat(new String(Base64.getUrlDecoder().decode(cursor.encode()), StandardCharsets.UTF_8))
                .isEqualTo("c1|customers|1000002|" + ID);
    }

    /**
     * Regression: {@code ChronoUnit.MICROS.between} goes through nanoseconds on Java 17 and overflowed a long
     * outside 1677-09-21..2262-04-11, while the filters accept 0001..9999.
     */
    @Test
    void encodesTimesOutsideTheNanosecondRangeOfALong() {
        for (String time : new String[] {
            "0001-01-01T00:00:00Z", "1600-01-01T00:00:00.000001Z", "2262-04-11T23:47:17Z", "9999-12-31T23:59:59.999999Z"
        }) {
            Cursor cursor = new Cursor(ResourceType.TICKETS, Instant.parse(time), ID);
            assertThat(Cursor.decode(cursor.encode(), ResourceType.TICKETS, PARAM))
                    .isEqualTo(cursor);
        }
    }

    @Test
    void encodesTheEdgesOfTheNanosecondRange() {
        for (String time : new String[] {"1677-09-21T00:12:44Z", "2262-04-11T23:47:16Z"}) {
            Cursor cursor = new Cursor(ResourceType.TICKETS, Instant.parse(time), ID);
            assertThat(Cursor.decode(cursor.encode(), ResourceType.TICKETS, PARAM))
                    .isEqualTo(cursor);
        }
    }

    @Test
    void decodesAHandMadeToken() {
        assertThat(Cursor.decode(token("c1|articles|-5|" + ID), ResourceType.ARTICLES, PARAM))
                .isEqualTo(new Cursor(ResourceType.ARTICLES, Instant.EPOCH.minusNanos(5_000), ID));
    }

    /** PostgreSQL's first instant, 4714-11-24 00:00:00 BC (UTC), in microseconds since 1970. */
    private static final long FIRST_STORED_MICROS = -210_866_803_200_000_000L;

    @Test
    void decodesTheFirstAndLastTimesATokenCanHold() {
        assertThat(Cursor.decode(token("c1|tickets|" + FIRST_STORED_MICROS + "|" + ID), ResourceType.TICKETS, PARAM)
                        .createdAt())
                .isEqualTo(Instant.parse("-4713-11-24T00:00:00Z"));
        // the last microsecond a long holds (294247-01-10) lies before the database's last (294276-12-31)
        assertThat(Cursor.decode(token("c1|tickets|" + Long.MAX_VALUE + "|" + ID), ResourceType.TICKETS, PARAM)
                        .createdAt())
                .isEqualTo(Instant.EPOCH.plus(Long.MAX_VALUE, ChronoUnit.MICROS));
    }

    @Test
    void refusesATimeBeforeTheFirstTheDatabaseCanStore() {
        for (ResourceType type : ResourceType.values()) {
            for (long micros : new long[] {FIRST_STORED_MICROS - 1, FIRST_STORED_MICROS - 1_000_000, Long.MIN_VALUE}) {
                assertRefused(token("c1|" + type.wireName() + "|" + micros + "|" + ID), type);
            }
        }
    }

    @Test
    void refusesATimeTheDatabaseCannotStoreWhenMadeInCode() {
        assertThatThrownBy(() -> new Cursor(ResourceType.TICKETS, Instant.parse("-4713-11-23T23:59:59.999999Z"), ID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-4713-11-23T23:59:59.999999Z");
        assertThatThrownBy(() -> new Cursor(ResourceType.TICKETS, Instant.MIN, ID))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cursor(ResourceType.TICKETS, Instant.parse("+294277-01-01T00:00:00Z"), ID))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Cursor(ResourceType.TICKETS, Instant.parse("-4713-11-24T00:00:00Z"), ID).createdAt())
                .isEqualTo(Instant.parse("-4713-11-24T00:00:00Z"));
    }

    @Test
    void refusesAMissingCursorValue() {
        assertRefused(null, ResourceType.TICKETS);
        assertRefused("", ResourceType.TICKETS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage!", "not base64 at all", "%%%", "====", "a", "YQ", "c1", "Yzt8dGlja2V0cw"})
    void refusesGarbage(String token) {
        assertRefused(token, ResourceType.TICKETS);
    }

    @Test
    void refusesTokensWithTheWrongShape() {
        String good = "c1|tickets|1000|" + ID;
        assertThat(Cursor.decode(token(good), ResourceType.TICKETS, PARAM)).isNotNull();
        assertRefused(token("c2|tickets|1000|" + ID), ResourceType.TICKETS);
        assertRefused(token("C1|tickets|1000|" + ID), ResourceType.TICKETS);
        assertRefused(token("c1|ticket|1000|" + ID), ResourceType.TICKETS);
        assertRefused(token("c1|customers|1000|" + ID), ResourceType.TICKETS);
        assertRefused(token("c1|tickets|1000"), ResourceType.TICKETS);
        assertRefused(token("c1|tickets|1000|" + ID + "|extra"), ResourceType.TICKETS);
        assertRefused(token("c1|tickets|1000|" + ID + "|"), ResourceType.TICKETS);
        assertRefused(token("c1|tickets|ten|" + ID), ResourceType.TICKETS);
        assertRefused(token("c1|tickets|1.5|" + ID), ResourceType.TICKETS);
        assertRefused(token("c1|tickets||" + ID), ResourceType.TICKETS);
        assertRefused(token("c1|tickets|99999999999999999999|" + ID), ResourceType.TICKETS);
        assertRefused(token("c1|tickets|1000|not-a-uuid"), ResourceType.TICKETS);
        assertRefused(token("c1|tickets|1000|" + ID.toString().toUpperCase()), ResourceType.TICKETS);
        assertRefused(token("c1|tickets|1000|1-2-3-4-5"), ResourceType.TICKETS);
        assertRefused(token("c1|tickets|1000|" + ID.toString().replace("-", "")), ResourceType.TICKETS);
    }

    @Test
    void refusesAnOverlongToken() {
        String padded = token("c1|tickets|1000|" + ID + " ".repeat(200));
        assertRefused(padded, ResourceType.TICKETS);
        assertRefused("A".repeat(201), ResourceType.TICKETS);
    }

    @Test
    void refusesANullPart() {
        assertThatThrownBy(() -> new Cursor(null, Instant.EPOCH, ID)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Cursor(ResourceType.TICKETS, null, ID)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Cursor(ResourceType.TICKETS, Instant.EPOCH, null))
                .isInstanceOf(NullPointerException.class);
    }
}
