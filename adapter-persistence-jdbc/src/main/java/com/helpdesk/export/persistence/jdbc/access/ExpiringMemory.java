package com.helpdesk.export.persistence.jdbc.access;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Values remembered until an instant of their own, at most {@code capacity} of them, so that nobody can make it grow
 * without bound: when it is full, entries whose instant has passed are dropped first, then the oldest. An entry is
 * never answered at or after its instant. One lock guards it; each operation costs a map lookup, and dropping entries
 * costs one step per entry dropped.
 *
 * <p>Entries are kept in the order they were remembered, which is also the order in which they lapse when every entry
 * lives as long (a fixed time to live, or the end of a fixed window): the entries that lapsed are then at the head.
 */
final class ExpiringMemory<K, V> {

    /** A value and the instant from which it is forgotten. */
    record Remembered<V>(V value, Instant until) {}

    private final int capacity;
    private final LinkedHashMap<K, Remembered<V>> entries = new LinkedHashMap<>();

    /** @param capacity entries kept at most; 0 remembers nothing */
    ExpiringMemory(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        this.capacity = capacity;
    }

    /** What is remembered of {@code key} at {@code now}, if it has not lapsed. */
    synchronized Optional<Remembered<V>> get(K key, Instant now) {
        Remembered<V> remembered = entries.get(key);
        if (remembered == null) {
            return Optional.empty();
        }
        if (!now.isBefore(remembered.until())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(remembered);
    }

    /** Remembers {@code value} for {@code key} until {@code until} (nothing if that is not after {@code now}). */
    synchronized void remember(K key, V value, Instant until, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (capacity == 0 || !now.isBefore(until)) {
            return;
        }
        entries.remove(key);
        if (entries.size() >= capacity) {
            dropLapsed(now);
        }
        if (entries.size() >= capacity) {
            Iterator<K> oldest = entries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        entries.put(key, new Remembered<>(value, until));
    }

    private void dropLapsed(Instant now) {
        Iterator<Map.Entry<K, Remembered<V>>> head = entries.entrySet().iterator();
        while (head.hasNext()) {
            if (now.isBefore(head.next().getValue().until())) {
                return;
            }
            head.remove();
        }
    }

    /** Entries kept now, lapsed ones included until they are dropped. */
    synchronized int size() {
        return entries.size();
    }
}
