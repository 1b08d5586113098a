package com.helpdesk.export.domain.model;

/**
 * A member's name: stripped of surrounding blanks, not empty, at most 200 characters and no control character
 * ({@code AdministrationException} INVALID_INPUT otherwise).
 */
public record MemberName(String value) {

    public MemberName {
        value = AdminNames.checked("member name", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
