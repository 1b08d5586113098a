package com.helpdesk.export.domain.model;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A member's role in a team, and the permissions it holds. */
public enum Role {
    OWNER(EnumSet.of(Permission.EXPORT_DATA)),
    ADMIN(EnumSet.of(Permission.EXPORT_DATA)),
    MANAGER(EnumSet.of(Permission.EXPORT_DATA)),
    LIBRARIAN(EnumSet.noneOf(Permission.class)),
    AGENT(EnumSet.noneOf(Permission.class)),
    SPECTATOR(EnumSet.noneOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean holds(Permission permission) {
        return permissions.contains(permission);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWireName(String name) {
        for (Role r : values()) {
            if (r.wireName().equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
