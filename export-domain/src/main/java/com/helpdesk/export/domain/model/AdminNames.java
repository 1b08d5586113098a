package com.helpdesk.export.domain.model;

import com.helpdesk.export.domain.error.AdministrationException;

/** The one rule for the names of teams and members: stripped, not empty, at most 200 characters, no control character. */
final class AdminNames {

    static final int MAX_LENGTH = 200;

    private AdminNames() {}

    static String checked(String what, String value) {
        if (value == null || value.isBlank()) {
            throw AdministrationException.invalid("The " + what + " must not be empty.");
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_LENGTH) {
            throw AdministrationException.invalid("The " + what + " must have at most " + MAX_LENGTH + " characters.");
        }
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw AdministrationException.invalid(
                    "The " + what + " must not hold control characters (tabs, line breaks, ...).");
        }
        return stripped;
    }
}
