package com.helpdesk.export.xlsx;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Dates and times as spreadsheets hold them: a number of days (the 1900 date system), the time of day its fraction,
 * in UTC. Day 1 is 1900-01-01; Excel counts a 29 February 1900 that never was, so from 1900-03-01 on a day is one
 * more than the days since 1899-12-31. Only 1900-01-01 to 9999-12-31 have a serial: other dates are none
 * ({@code NaN}), and their cells are written as text.
 */
final class ExcelSerial {

    private static final long FIRST_DAY = LocalDate.of(1900, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();
    private static final long DAY_ZERO = LocalDate.of(1899, 12, 31).toEpochDay();
    private static final long FIRST_AFTER_FALSE_LEAP_DAY =
            LocalDate.of(1900, 3, 1).toEpochDay();
    private static final double NANOS_PER_DAY = 86_400e9;

    private ExcelSerial() {}

    /** The serial of a date, or {@code NaN} outside 1900-01-01 to 9999-12-31. */
    static double of(LocalDate date) {
        return day(date.toEpochDay());
    }

    /** The serial of an instant in UTC (its fraction the time of day, to about a microsecond), or {@code NaN}. */
    static double of(Instant instant) {
        long epochDay = Math.floorDiv(instant.getEpochSecond(), 86_400L);
        double day = day(epochDay);
        if (Double.isNaN(day)) {
            return day;
        }
        long nanoOfDay = (instant.getEpochSecond() - epochDay * 86_400L) * 1_000_000_000L + instant.getNano();
        return day + nanoOfDay / NANOS_PER_DAY;
    }

    /** The instant a serial stands for, in UTC (for the tests: the inverse of {@link #of(Instant)}). */
    static Instant instant(double serial) {
        long day = (long) Math.floor(serial);
        long epochDay = day + DAY_ZERO - (day >= 61 ? 1 : 0);
        long nanoOfDay = Math.round((serial - day) * NANOS_PER_DAY);
        return LocalDate.ofEpochDay(epochDay)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC)
                .plusNanos(nanoOfDay);
    }

    private static double day(long epochDay) {
        if (epochDay < FIRST_DAY || epochDay > LAST_DAY) {
            return Double.NaN;
        }
        return epochDay - DAY_ZERO + (epochDay >= FIRST_AFTER_FALSE_LEAP_DAY ? 1 : 0);
    }
}
