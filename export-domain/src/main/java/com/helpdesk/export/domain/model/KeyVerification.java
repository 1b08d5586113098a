package com.helpdesk.export.domain.model;

import com.helpdesk.export.domain.port.KeyVerifier;
import java.util.Objects;
import java.util.UUID;

/** A {@link KeyVerifier}'s answer: the key's owner, or why it is refused. */
public sealed interface KeyVerification {

    /** The key is valid now and belongs to this team, member and role. */
    record Verified(UUID keyId, TeamId team, UUID memberId, Role role, KeyKind kind, Mode mode, String displayPrefix)
            implements KeyVerification {
        public Verified {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(team, "team");
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(displayPrefix, "displayPrefix");
        }
    }

    record Rejected(Reason reason) implements KeyVerification {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    enum Reason {
        /** no key has this hash */
        UNKNOWN,
        /** the key was revoked */
        REVOKED,
        /** the key is past its expiry */
        EXPIRED
    }
}
