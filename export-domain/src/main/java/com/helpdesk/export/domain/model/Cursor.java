package com.helpdesk.export.domain.model;

import com.helpdesk.export.domain.error.ExportException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * A position in one resource's order (createdAt, then id): an export continues strictly after it.
 * On the wire it is an opaque URL-safe token; it names its resource type so that a cursor of one type is
 * refused for another. It carries no team or mode: the caller's key always decides which rows are seen. Its time is
 * one a row can have ({@link StoredTime}): a token naming another is refused like any invalid token, before it can
 * reach a query.
 */
public record Cursor(ResourceType type, Instant createdAt, UUID id) {

    private static final String VERSION = "c1";

    public Cursor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        if (!StoredTime.holds(createdAt)) {
            throw new IllegalArgumentException("createdAt " + createdAt + " lies outside the times a row can have ("
                    + StoredTime.EARLIEST + " to " + StoredTime.LATEST + ")");
        }
    }

    public String encode() {
        long micros =
                Math.addExact(Math.multiplyExact(createdAt.getEpochSecond(), 1_000_000L), createdAt.getNano() / 1_000);
        String plain = VERSION + "|" + type.wireName() + "|" + micros + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a token a previous response gave for {@code expected}.
     *
     * @param param the request path of the cursor, for errors
     */
    public static Cursor decode(String token, ResourceType expected, String param) {
        ExportException invalid = ExportException.invalid(
                param, "Invalid cursor: pass the nextCursor a previous export gave for " + expected.wireName() + ".");
        if (token == null || token.isEmpty() || token.length() > 200) {
            throw invalid;
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw invalid;
        }
        if (parts.length != 4
                || !VERSION.equals(parts[0])
                || !expected.wireName().equals(parts[1])) {
            throw invalid;
        }
        try {
            long micros = Long.parseLong(parts[2]);
            Instant createdAt = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
            UUID id = UUID.fromString(parts[3]);
            if (!id.toString().equals(parts[3])) {
                throw invalid;
            }
            return new Cursor(expected, createdAt, id);
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw invalid;
        }
    }
}
