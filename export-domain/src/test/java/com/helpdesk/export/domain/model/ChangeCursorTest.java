package com.helpdesk.export.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.error.ExportException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChangeCursorTest {

    private static final Scope LIVE = new Scope(new TeamId(UUID.randomUUID()), Mode.LIVE);
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00.123456Z");

    @Test
    void aCursorReadsBackAsItWasIssued() {
        for (ResourceType type : ResourceType.values()) {
            for (FeedPosition position : new FeedPosition[] {
                FeedPosition.START, FeedPosition.from(1234), FeedPosition.after(Long.MAX_VALUE, UUID.randomUUID())
            }) {
                ChangeCursor cursor = ChangeCursor.of(type, LIVE, position, -42L, NOW);
                assertThat(ChangeCursor.decode(cursor.encode(), type, "c")).isEqualTo(cursor);
                assertThat(cursor.belongsTo(LIVE)).isTrue();
            }
        }
    }

    @Test
    void membersFeedsAreTheTeamsInBothModes() {
        ChangeCursor members = ChangeCursor.of(ResourceType.MEMBERS, LIVE, FeedPosition.START, 1, NOW);
        assertThat(members.mode()).isEmpty();
        assertThat(members.belongsTo(new Scope(LIVE.team(), Mode.TEST))).isTrue();
        ChangeCursor tickets = ChangeCursor.of(ResourceType.TICKETS, LIVE, FeedPosition.START, 1, NOW);
        assertThat(tickets.belongsTo(new Scope(LIVE.team(), Mode.TEST))).isFalse();
        assertThat(tickets.belongsTo(new Scope(new TeamId(UUID.randomUUID()), Mode.LIVE)))
                .isFalse();
    }

    @Test
    void aTokenChangedByHandOrOfAnotherTypeIsInvalidNamingTheCursor() {
        String token = ChangeCursor.of(ResourceType.TICKETS, LIVE, FeedPosition.from(99), 7, NOW)
                .encode();
        String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        String edited = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(plain.replace("|99|", "|98|").getBytes(StandardCharsets.UTF_8));
        for (String bad :
                new String[] {edited, "", "x", "!!!", token.substring(1), token + "A", "a".repeat(400), Cursor.of(token)
                }) {
            assertThatThrownBy(() -> ChangeCursor.decode(bad, ResourceType.TICKETS, "resources[0].cursor"))
                    .isInstanceOfSatisfying(ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
                        assertThat(e.param()).isEqualTo("resources[0].cursor");
                    });
        }
        assertThatThrownBy(() -> ChangeCursor.decode(token, ResourceType.CUSTOMERS, "p"))
                .isInstanceOf(ExportException.class);
    }

    /** An export cursor of the same type is not a feed cursor. */
    private static final class Cursor {
        static String of(String ignored) {
            return new com.helpdesk.export.domain.model.Cursor(ResourceType.TICKETS, NOW, UUID.randomUUID()).encode();
        }
    }

    @Test
    void theSyncCursorOfASnapshotStartsAtItsHorizon() {
        FeedState state = new FeedState(500, 9, 0, NOW, java.time.Duration.ZERO);
        ChangeCursor sync = ChangeCursor.sync(ResourceType.ARTICLES, LIVE, state);
        assertThat(sync.position()).isEqualTo(new FeedPosition(500, Optional.empty()));
        assertThat(sync.cluster()).isEqualTo(9);
        assertThat(sync.issuedAt()).isEqualTo(NOW);
    }
}
