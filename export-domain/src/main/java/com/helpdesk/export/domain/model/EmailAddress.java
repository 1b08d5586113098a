package com.helpdesk.export.domain.model;

import com.helpdesk.export.domain.error.AdministrationException;
import java.util.regex.Pattern;

/**
 * A member's email address: stripped, at most {@value #MAX_LENGTH} characters, something {@code @} something without
 * blanks. Only its shape is checked; nobody is mailed.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;

    private static final Pattern SHAPE = Pattern.compile("[^\\s@]+@[^\\s@]+");

    public EmailAddress {
        String stripped = value == null ? "" : value.strip();
        if (stripped.length() > MAX_LENGTH || !SHAPE.matcher(stripped).matches()) {
            throw AdministrationException.invalid("The email must look like name@example.com (at most " + MAX_LENGTH
                    + " characters); leave it out for none.");
        }
        value = stripped;
    }

    @Override
    public String toString() {
        return value;
    }
}
