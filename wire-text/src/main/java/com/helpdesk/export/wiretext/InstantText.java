package com.helpdesk.export.wiretext;

import java.time.Instant;

/**
 * The text of a time on the wire (contract: ISO-8601 in UTC with {@code Z}), exactly as {@link Instant#toString()}
 * gives it, written into a caller's buffer: the serializers write two or three times per row and would otherwise
 * make a formatter's worth of garbage for each. Years 0000 to 9999 are written here; any other instant is written
 * from {@code Instant.toString()} (same text, the slow way).
 */
public final class InstantText {

    /** The longest text of a year-0000-to-9999 instant: {@code 9999-12-31T23:59:59.999999999Z}. */
    public static final int MAX_LENGTH = 30;

    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z in epoch seconds. */
    private static final long MIN_SECOND = -62_167_219_200L;

    private static final long MAX_SECOND = 253_402_300_799L;
    private static final int SECONDS_PER_DAY = 86_400;

    private InstantText() {}

    /** {@code Instant.toString()}; for tests and for callers without a buffer. */
    public static String format(Instant instant) {
        char[] out = new char[MAX_LENGTH];
        int end = write(instant, out, 0);
        return end < 0 ? instant.toString() : new String(out, 0, end);
    }

    /**
     * Writes the text of {@code instant} into {@code out} at {@code at} (it needs {@link #MAX_LENGTH} chars left).
     *
     * @return the position after the text, or -1 (nothing written) for a year outside 0000 to 9999, whose text the
     *         caller takes from {@link Instant#toString()}
     */
    public static int write(Instant instant, char[] out, int at) {
        long second = instant.getEpochSecond();
        if (second < MIN_SECOND || second > MAX_SECOND) {
            return -1;
        }
        long days = Math.floorDiv(second, SECONDS_PER_DAY);
        int secondOfDay = (int) (second - days * SECONDS_PER_DAY);
        // civil date from days since 1970-01-01 (the proleptic Gregorian calendar, as java.time uses)
        long z = days + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long dayOfEra = z - era * 146_097L;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));

        out[at] = digit(year / 1000);
        out[at + 1] = digit(year / 100 % 10);
        out[at + 2] = digit(year / 10 % 10);
        out[at + 3] = digit(year % 10);
        out[at + 4] = '-';
        two(month, out, at + 5);
        out[at + 7] = '-';
        two(day, out, at + 8);
        out[at + 10] = 'T';
        two(secondOfDay / 3_600, out, at + 11);
        out[at + 13] = ':';
        two(secondOfDay / 60 % 60, out, at + 14);
        out[at + 16] = ':';
        two(secondOfDay % 60, out, at + 17);
        int end = at + 19;
        int nano = instant.getNano();
        if (nano != 0) {
            // as many digits as needed, in groups of three (ISO_INSTANT)
            int digits;
            int fraction;
            if (nano % 1_000_000 == 0) {
                digits = 3;
                fraction = nano / 1_000_000;
            } else if (nano % 1_000 == 0) {
                digits = 6;
                fraction = nano / 1_000;
            } else {
                digits = 9;
                fraction = nano;
            }
            out[end] = '.';
            for (int i = end + digits; i > end; i--) {
                out[i] = digit(fraction % 10);
                fraction /= 10;
            }
            end += digits + 1;
        }
        out[end] = 'Z';
        return end + 1;
    }

    private static void two(int value, char[] out, int at) {
        out[at] = digit(value / 10);
        out[at + 1] = digit(value % 10);
    }

    private static char digit(int value) {
        return (char) ('0' + value);
    }
}
