package com.helpdesk.export.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CancellationTest {

    @Test
    void runsEveryRegisteredActionOnceInOrderAndLaterOnesAtOnce() {
        Cancellation cancellation = new Cancellation();
        List<String> ran = new ArrayList<>();
        cancellation.onCancel(() -> ran.add("first"));
        cancellation.onCancel(() -> ran.add("second"));
        assertThat(cancellation.isCancelled()).isFalse();
        assertThat(ran).isEmpty();

        cancellation.cancel();
        cancellation.cancel();
        assertThat(ran).containsExactly("first", "second");
        assertThat(cancellation.isCancelled()).isTrue();

        cancellation.onCancel(() -> ran.add("late"));
        assertThat(ran).containsExactly("first", "second", "late");
    }

    @Test
    void aRemovedRegistrationDoesNotRun() {
        Cancellation cancellation = new Cancellation();
        List<String> ran = new ArrayList<>();
        Cancellation.Registration registration = cancellation.onCancel(() -> ran.add("removed"));
        cancellation.onCancel(() -> ran.add("kept"));
        registration.close();
        cancellation.cancel();
        assertThat(ran).containsExactly("kept");
    }

    @Test
    void neverIsNotCancelled() {
        assertThat(Cancellation.never().isCancelled()).isFalse();
    }
}
