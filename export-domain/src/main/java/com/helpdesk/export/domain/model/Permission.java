package com.helpdesk.export.domain.model;

/** What a member's role allows. */
public enum Permission {
    EXPORT_DATA
}
