package com.helpdesk.export.domain.port;

import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.policy.ConcurrencyLimits;
import java.util.Objects;

/**
 * Exports in progress (being read or being sent), counted per key and per team in storage every instance of the
 * service shares, so that one caller cannot hold the service's capacity. Taking a slot is atomic: with
 * N slots left, of M &gt; N simultaneous calls exactly N get one. A slot held by an instance that died is given
 * back within a minute.
 */
public interface ExportSlots {

    /** Takes a slot for one export of the caller, if neither its key's nor its team's cap is reached. */
    Acquisition acquire(KeyVerification.Verified caller);

    /** An export's hold on capacity; closing it gives the slot back. Idempotent, safe from any thread. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** Which cap refused a slot. */
    enum Cap {
        KEY,
        TEAM
    }

    /** The answer of {@link #acquire}. */
    sealed interface Acquisition {}

    record Acquired(Slot slot) implements Acquisition {
        public Acquired {
            Objects.requireNonNull(slot, "slot");
        }
    }

    /**
     * @param cap   the cap that is reached
     * @param limit its value ({@link ConcurrencyLimits})
     */
    record Refused(Cap cap, int limit) implements Acquisition {
        public Refused {
            Objects.requireNonNull(cap, "cap");
        }
    }
}
