package com.helpdesk.export.domain.model;

/**
 * A team's name as an administrator gives it: stripped of surrounding blanks, not empty, at most 200 characters and
 * no control character ({@code AdministrationException} INVALID_INPUT otherwise).
 */
public record TeamName(String value) {

    public TeamName {
        value = AdminNames.checked("team name", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
