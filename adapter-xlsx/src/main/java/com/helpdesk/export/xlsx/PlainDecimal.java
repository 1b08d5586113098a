package com.helpdesk.export.xlsx;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number cell's value written as the decimal text stored ({@code 1.50} stays {@code 1.50}, never {@code 1.5E+1}):
 * the sheet writer writes a number it does not know by its {@code toString()}, which is here the plain decimal text.
 * A spreadsheet reads it as its own (binary) number; the file holds the exact text.
 */
final class PlainDecimal extends Number {

    private static final long serialVersionUID = 1L;

    private final BigDecimal value;

    PlainDecimal(BigDecimal value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    @Override
    public int intValue() {
        return value.intValue();
    }

    @Override
    public long longValue() {
        return value.longValue();
    }

    @Override
    public float floatValue() {
        return value.floatValue();
    }

    @Override
    public double doubleValue() {
        return value.doubleValue();
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
