package com.helpdesk.export.domain.model;

import com.helpdesk.export.domain.error.ExportException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A cursor of one change feed: the feed (type, team, and mode for every type but members), the position in it, the
 * database cluster it was issued by and when. On the wire an opaque URL-safe token with a check sum, so that a token
 * changed by hand is refused like any invalid one. Which rows a call sees is still decided by the caller's key: a
 * cursor of another team or mode is refused without saying anything of that feed.
 */
public record ChangeCursor(
        ResourceType type, TeamId team, Optional<Mode> mode, FeedPosition position, long cluster, Instant issuedAt) {

    private static final String VERSION = "f1";
    private static final int MAX_TOKEN = 300;

    public ChangeCursor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (type.scopedByMode() != mode.isPresent()) {
            throw new IllegalArgumentException("a feed of " + type + " is of one mode exactly when its type is");
        }
        issuedAt = issuedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** The cursor of the feed of {@code type} that {@code scope} sees. */
    public static ChangeCursor of(
            ResourceType type, Scope scope, FeedPosition position, long cluster, Instant issuedAt) {
        return new ChangeCursor(
                type,
                scope.team(),
                type.scopedByMode() ? Optional.of(scope.mode()) : Optional.empty(),
                position,
                cluster,
                issuedAt);
    }

    /**
     * The cursor of the feed of {@code type} at a snapshot in {@code state}: following the feed from it misses no
     * change made after the snapshot (it may repeat, in the same version, rows the snapshot held).
     */
    public static ChangeCursor sync(ResourceType type, Scope scope, FeedState state) {
        return of(type, scope, FeedPosition.from(state.horizon()), state.cluster(), state.now());
    }

    /** Whether this cursor is of the feed of its type that {@code scope} sees. */
    public boolean belongsTo(Scope scope) {
        return team.equals(scope.team()) && mode.map(m -> m == scope.mode()).orElse(true);
    }

    public String encode() {
        String plain = plain();
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((plain + "|" + sum(plain)).getBytes(StandardCharsets.UTF_8));
    }

    private String plain() {
        long micros =
                Math.addExact(Math.multiplyExact(issuedAt.getEpochSecond(), 1_000_000L), issuedAt.getNano() / 1_000);
        return VERSION + "|" + type.wireName() + "|" + team.value() + "|"
                + mode.map(Mode::wireName).orElse("-")
                + "|" + position.stamp() + "|"
                + position.id().map(UUID::toString).orElse("-") + "|"
                + Long.toUnsignedString(cluster) + "|" + micros;
    }

    /** The first 8 bytes of the SHA-256 of the text: tells a token changed by hand or cut from one that was issued. */
    private static String sum(String plain) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Reads a token a changes call (its {@code nextCursor}) or an export (its {@code syncCursor}) gave for
     * {@code expected}.
     *
     * @param param the request path of the cursor, for errors
     */
    public static ChangeCursor decode(String token, ResourceType expected, String param) {
        ExportException invalid = invalid(expected, param);
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN) {
            throw invalid;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid;
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != 9
                || !VERSION.equals(parts[0])
                || !expected.wireName().equals(parts[1])) {
            throw invalid;
        }
        try {
            UUID team = UUID.fromString(parts[2]);
            Optional<Mode> mode = "-".equals(parts[3]) ? Optional.empty() : Mode.fromWireName(parts[3]);
            if (mode.isEmpty() && !"-".equals(parts[3])) {
                throw invalid;
            }
            long stamp = Long.parseLong(parts[4]);
            Optional<UUID> id = "-".equals(parts[5]) ? Optional.empty() : Optional.of(UUID.fromString(parts[5]));
            long cluster = Long.parseUnsignedLong(parts[6]);
            Instant issuedAt = Instant.EPOCH.plus(Long.parseLong(parts[7]), ChronoUnit.MICROS);
            ChangeCursor cursor =
                    new ChangeCursor(expected, new TeamId(team), mode, new FeedPosition(stamp, id), cluster, issuedAt);
            String plain = cursor.plain();
            if (!text.equals(plain + "|" + sum(plain))) {
                throw invalid; // not the text this cursor is written as, or a check sum that does not match
            }
            return cursor;
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw invalid;
        }
    }

    /** The answer to a cursor that is not one this feed gave to this caller: says nothing more. */
    public static ExportException invalid(ResourceType expected, String param) {
        return ExportException.invalid(
                param,
                "Invalid cursor: pass the nextCursor a previous changes call gave for " + expected.wireName()
                        + ", the syncCursor of an export, or null to start from the beginning.");
    }
}
