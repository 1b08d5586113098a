package com.helpdesk.export.testsupport;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Generators of the values the properties need. Each one draws its edge cases (the bounds, zero, the empty
 * string, the smallest and largest list, the first and last characters of a range) on purpose now and then, as
 * jqwik's arbitraries did, so that a property meets them in a run of a few hundred tries.
 */
public final class Gens {

    /** How often a number or character generator gives one of its edge cases instead of a uniform value. */
    public static final double EDGE_PROBABILITY = 0.05;

    private Gens() {}

    // ------------------------------------------------------------------ choices

    public static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    @SafeVarargs
    public static <T> Gen<T> of(T... values) {
        return of(List.of(values));
    }

    /** One of the values (which may include {@code null}), uniformly. */
    public static <T> Gen<T> of(List<? extends T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to choose from");
        }
        List<T> copy = new ArrayList<>(values);
        return random -> copy.get(random.nextInt(copy.size()));
    }

    public static Gen<Boolean> booleans() {
        return RandomGenerator::nextBoolean;
    }

    /** A value of one of the generators, each chosen as often. */
    @SafeVarargs
    public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Gen<? extends T>> list = List.of(gens);
        return random -> list.get(random.nextInt(list.size())).next(random);
    }

    /** A generator with its weight, for {@link #frequency}. */
    public record Weighted<T>(int weight, Gen<? extends T> gen) {
        public Weighted {
            if (weight < 0) {
                throw new IllegalArgumentException("a weight is not negative");
            }
        }
    }

    public static <T> Weighted<T> weight(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    /** A value of one of the generators, each chosen in proportion to its weight (a weight of 0: never). */
    @SafeVarargs
    public static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
        List<Weighted<? extends T>> list = List.of(choices);
        int total = list.stream().mapToInt(Weighted::weight).sum();
        if (total <= 0) {
            throw new IllegalArgumentException("no weight above 0");
        }
        return random -> {
            int pick = random.nextInt(total);
            for (Weighted<? extends T> choice : list) {
                if (pick < choice.weight()) {
                    return choice.gen().next(random);
                }
                pick -= choice.weight();
            }
            throw new AssertionError("unreachable");
        };
    }

    /** Any subset of the values, each value in or out by a coin toss, in the values' order. */
    @SafeVarargs
    public static <T> Gen<Set<T>> subsetOf(T... values) {
        return subsetOf(List.of(values));
    }

    public static <T> Gen<Set<T>> subsetOf(List<? extends T> values) {
        List<T> copy = new ArrayList<>(values);
        return random -> {
            Set<T> set = new LinkedHashSet<>();
            for (T value : copy) {
                if (random.nextBoolean()) {
                    set.add(value);
                }
            }
            return set;
        };
    }

    /** Maps of distinct keys (insertion order), of {@code minSize} to {@code maxSize} entries. */
    public static <K, V> Gen<Map<K, V>> maps(Gen<? extends K> keys, Gen<? extends V> values, int minSize, int maxSize) {
        return random -> {
            int size = size(random, minSize, maxSize);
            Map<K, V> map = new LinkedHashMap<>();
            for (int misses = 0; map.size() < size && misses < 1_000; ) {
                K key = keys.next(random);
                if (map.containsKey(key)) {
                    misses++;
                } else {
                    map.put(key, values.next(random));
                }
            }
            return map;
        };
    }

    // ------------------------------------------------------------------ numbers

    /** Integers in {@code [min, max]}: uniform, with the bounds, their neighbours, 0 and ±1 as edge cases. */
    public static Gen<Integer> ints(int min, int max) {
        return longs(min, max).map(Long::intValue);
    }

    public static Gen<Integer> anyInt() {
        return ints(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** Longs in {@code [min, max]}: uniform, with the bounds, their neighbours, 0 and ±1 as edge cases. */
    public static Gen<Long> longs(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException(min + " > " + max);
        }
        long[] edges = Arrays.stream(new long[] {min, max, min + 1, max - 1, 0, 1, -1})
                .filter(e -> e >= min && e <= max)
                .distinct()
                .toArray();
        // values of small magnitude too, when the range is wide: wide ranges would almost never give them
        boolean wide = (double) max - (double) min > 1_000_000;
        return random -> {
            double roll = random.nextDouble();
            if (roll < EDGE_PROBABILITY) {
                return edges[random.nextInt(edges.length)];
            }
            if (wide && roll < 0.25) {
                long small = random.nextLong(-1_000, 1_001);
                if (small >= min && small <= max) {
                    return small;
                }
            }
            return uniform(random, min, max);
        };
    }

    public static Gen<Long> anyLong() {
        return longs(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    static long uniform(RandomGenerator random, long min, long max) {
        if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
            return random.nextLong();
        }
        if (max < Long.MAX_VALUE) {
            return random.nextLong(min, max + 1);
        }
        return random.nextLong(min - 1, max) + 1;
    }

    /** Doubles in {@code [min, max)}, with {@code min} and the middle as edge cases. */
    public static Gen<Double> doubles(double min, double max) {
        return random -> random.nextDouble() < EDGE_PROBABILITY
                ? (random.nextBoolean() ? min : (min + max) / 2)
                : random.nextDouble(min, max);
    }

    /**
     * Any finite double: small ones, any bit pattern, and edge cases (both zeros, ±1, the smallest and largest
     * magnitudes).
     */
    public static Gen<Double> anyFiniteDouble() {
        double[] edges = {
            0.0,
            -0.0,
            1.0,
            -1.0,
            Double.MIN_VALUE,
            -Double.MIN_VALUE,
            Double.MIN_NORMAL,
            Double.MAX_VALUE,
            -Double.MAX_VALUE
        };
        return random -> {
            double roll = random.nextDouble();
            if (roll < EDGE_PROBABILITY) {
                return edges[random.nextInt(edges.length)];
            }
            if (roll < 0.5) {
                return random.nextDouble(-1_000, 1_000);
            }
            double value;
            do {
                value = Double.longBitsToDouble(random.nextLong());
            } while (!Double.isFinite(value));
            return value;
        };
    }

    /** Integers in {@code [min, max]}, with the bounds and 0 (where inside) as edge cases. */
    public static Gen<BigInteger> bigIntegers(BigInteger min, BigInteger max) {
        BigInteger range = max.subtract(min).add(BigInteger.ONE);
        if (range.signum() <= 0) {
            throw new IllegalArgumentException(min + " > " + max);
        }
        List<BigInteger> edges = new ArrayList<>(List.of(min, max));
        if (min.signum() <= 0 && max.signum() >= 0) {
            edges.add(BigInteger.ZERO);
        }
        return random -> {
            if (random.nextDouble() < EDGE_PROBABILITY) {
                return edges.get(random.nextInt(edges.size()));
            }
            byte[] bytes = new byte[range.bitLength() / 8 + 2];
            random.nextBytes(bytes);
            return new BigInteger(1, bytes).mod(range).add(min);
        };
    }

    public static Gen<Byte> bytes() {
        return ints(Byte.MIN_VALUE, Byte.MAX_VALUE).map(Integer::byteValue);
    }

    public static Gen<byte[]> byteArrays(int minSize, int maxSize) {
        return random -> {
            byte[] bytes = new byte[size(random, minSize, maxSize)];
            random.nextBytes(bytes);
            return bytes;
        };
    }

    /** UUIDs of any bits (not only version 4). */
    public static Gen<UUID> uuids() {
        Gen<Long> longs = anyLong();
        return random -> new UUID(longs.next(random), longs.next(random));
    }

    // ------------------------------------------------------------------ characters and strings

    /** Characters in {@code [from, to]}, with both ends as edge cases. */
    public static Gen<Character> chars(char from, char to) {
        return ints(from, to).map(i -> (char) i.intValue());
    }

    /**
     * Any UTF-16 unit, {@code \u0000} to {@code \uFFFF}, lone surrogates included; edge cases: NUL, the ends of
     * the surrogate ranges, {@code \uFEFF} and {@code \uFFFF}.
     */
    public static Gen<Character> anyChar() {
        char[] edges = {
            '\u0000', ' ', '\u007F', '\u0080', '\uD7FF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFEFF', '\uFFFF'
        };
        Gen<Character> uniform = chars(Character.MIN_VALUE, Character.MAX_VALUE);
        return random ->
                random.nextDouble() < EDGE_PROBABILITY ? edges[random.nextInt(edges.length)] : uniform.next(random);
    }

    /** One of the characters of {@code chars}. */
    public static Gen<Character> charsOf(String chars) {
        char[] array = chars.toCharArray();
        return random -> array[random.nextInt(array.length)];
    }

    /** Strings of {@code minLength} to {@code maxLength} UTF-16 units (the ends of that range as edge cases). */
    public static Gen<String> strings(Gen<Character> chars, int minLength, int maxLength) {
        return random -> {
            int length = size(random, minLength, maxLength);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(chars.next(random).charValue());
            }
            return text.toString();
        };
    }

    /** Strings of {@code minCodePoints} to {@code maxCodePoints} code points. */
    public static Gen<String> codePointStrings(Gen<Integer> codePoints, int minCodePoints, int maxCodePoints) {
        return random -> {
            int length = size(random, minCodePoints, maxCodePoints);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(codePoints.next(random));
            }
            return text.toString();
        };
    }

    /** Strings of any UTF-16 units ({@link #anyChar()}): lone surrogates, NUL, controls, the whole BMP. */
    public static Gen<String> anyStrings(int minLength, int maxLength) {
        return strings(anyChar(), minLength, maxLength);
    }

    /** Strings of US-ASCII, controls included. */
    public static Gen<String> asciiStrings(int minLength, int maxLength) {
        return strings(chars('\u0000', '\u007F'), minLength, maxLength);
    }

    // ------------------------------------------------------------------ samples

    /**
     * {@code count} values of {@code gen}, always the same ones for the same name (fixtures and data sets built
     * from generators, outside a property).
     */
    public static <T> List<T> samples(Gen<T> gen, String name, int count) {
        RandomGenerator random = new SplittableRandom(
                UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits());
        List<T> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(gen.next(random));
        }
        return values;
    }

    /** A size in {@code [min, max]}; {@code min} and {@code max} each come about 5 % of the time on purpose. */
    static int size(RandomGenerator random, int min, int max) {
        if (min < 0 || min > max) {
            throw new IllegalArgumentException("sizes " + min + ".." + max);
        }
        double roll = random.nextDouble();
        if (roll < Gen.EDGE_SIZE_PROBABILITY / 2) {
            return min;
        }
        if (roll < Gen.EDGE_SIZE_PROBABILITY) {
            return max;
        }
        return random.nextInt(min, max + 1);
    }
}
