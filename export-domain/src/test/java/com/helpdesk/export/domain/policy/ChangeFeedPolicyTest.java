package com.helpdesk.export.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.domain.model.ChangeCursor;
import com.helpdesk.export.domain.model.FeedPosition;
import com.helpdesk.export.domain.model.FeedState;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.model.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChangeFeedPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Scope LIVE = new Scope(new TeamId(UUID.randomUUID()), Mode.LIVE);
    private static final FeedState STATE = new FeedState(1_000, 77, 10, NOW, Duration.ZERO);
    private final ChangeFeedPolicy policy = new ChangeFeedPolicy(Duration.ofDays(35));

    private Decision<FeedPosition> start(ChangeCursor cursor) {
        return policy.start(ResourceType.TICKETS, Optional.of(cursor), LIVE, STATE, "resources[0].cursor");
    }

    private static ChangeCursor cursor(Scope scope, long stamp, long cluster, Instant issued) {
        return ChangeCursor.of(
                ResourceType.TICKETS, scope, FeedPosition.after(stamp, UUID.randomUUID()), cluster, issued);
    }

    @Test
    void noCursorStartsAtTheBeginningAndAFreshOneWhereItStands() {
        assertThat(policy.start(ResourceType.TICKETS, Optional.empty(), LIVE, STATE, "p"))
                .isEqualTo(Decision.allowed(FeedPosition.START));
        ChangeCursor fresh = cursor(LIVE, 900, 77, NOW.minus(Duration.ofDays(34)));
        assertThat(start(fresh)).isEqualTo(Decision.allowed(fresh.position()));
    }

    @Test
    void anOldCursorOneFromAnotherClusterOrBeforeDeletedTombstonesHasExpiredAndSaysToStartFromNull() {
        for (ChangeCursor expired : new ChangeCursor[] {
            cursor(LIVE, 900, 77, NOW.minus(Duration.ofDays(36))), cursor(LIVE, 900, 78, NOW), cursor(LIVE, 10, 77, NOW)
        }) {
            Decision<FeedPosition> decision = start(expired);
            assertThat(decision).isInstanceOf(Decision.Rejected.class);
            Decision.Rejected<FeedPosition> rejected = (Decision.Rejected<FeedPosition>) decision;
            assertThat(rejected.code()).isEqualTo(ErrorCode.CURSOR_EXPIRED);
            assertThat(rejected.reason()).contains("null");
            assertThat(rejected.param()).isEqualTo("resources[0].cursor");
        }
    }

    @Test
    void anotherTeamsOrModesCursorIsInvalidAndSaysNothingOfThatFeed() {
        ChangeCursor otherTeam = cursor(new Scope(new TeamId(UUID.randomUUID()), Mode.LIVE), 900, 77, NOW);
        ChangeCursor otherMode = cursor(new Scope(LIVE.team(), Mode.TEST), 900, 77, NOW);
        Decision.Rejected<?> team = (Decision.Rejected<?>) start(otherTeam);
        Decision.Rejected<?> mode = (Decision.Rejected<?>) start(otherMode);
        assertThat(team.code()).isEqualTo(ErrorCode.PARAMETER_INVALID);
        assertThat(mode).isEqualTo(team);
        assertThat(team.reason())
                .isEqualTo(ChangeCursor.invalid(ResourceType.TICKETS, "x").getMessage());
    }
}
