package com.helpdesk.export.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * A generator: a value drawn from a random source. The same source, seeded alike, gives the same values, so a
 * generator must draw everything it needs from {@code random} (never from {@code Math.random}, a clock or
 * {@code UUID.randomUUID}).
 */
@FunctionalInterface
public interface Gen<T> {

    /** How often {@link #list} makes a list of the smallest or the largest size allowed, on purpose. */
    double EDGE_SIZE_PROBABILITY = 0.1;

    T next(RandomGenerator random);

    default <U> Gen<U> map(Function<? super T, ? extends U> mapper) {
        return random -> mapper.apply(next(random));
    }

    default <U> Gen<U> flatMap(Function<? super T, ? extends Gen<? extends U>> mapper) {
        return random -> mapper.apply(next(random)).next(random);
    }

    /** Values that pass {@code keep}; gives up (an error of the test, not of the code) after 10,000 misses. */
    default Gen<T> filter(Predicate<? super T> keep) {
        return random -> {
            for (int i = 0; i < 10_000; i++) {
                T value = next(random);
                if (keep.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("the filter of a generator refused 10,000 values in a row");
        };
    }

    /** {@code null} with the given probability, else a value. */
    default Gen<T> orNull(double probability) {
        return random -> random.nextDouble() < probability ? null : next(random);
    }

    /**
     * Lists of {@code minSize} to {@code maxSize} values; the smallest and the largest size (an empty list where
     * allowed) come more often than their share.
     */
    default Gen<List<T>> list(int minSize, int maxSize) {
        return random -> {
            int size = Gens.size(random, minSize, maxSize);
            List<T> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(next(random));
            }
            return list;
        };
    }

    /** Lists of distinct values (fewer than {@code minSize} only if the generator cannot give that many). */
    default Gen<List<T>> uniqueList(int minSize, int maxSize) {
        return set(minSize, maxSize).map(ArrayList::new);
    }

    /** Sets, in the order the values were drawn. */
    default Gen<Set<T>> set(int minSize, int maxSize) {
        return random -> {
            int size = Gens.size(random, minSize, maxSize);
            Set<T> set = new LinkedHashSet<>();
            for (int misses = 0; set.size() < size && misses < 1_000; ) {
                if (!set.add(next(random))) {
                    misses++;
                }
            }
            if (set.size() < minSize) {
                throw new IllegalStateException("a generator gave fewer than " + minSize + " distinct values");
            }
            return set;
        };
    }
}
