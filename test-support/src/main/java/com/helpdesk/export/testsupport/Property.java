package com.helpdesk.export.testsupport;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Runs a property: a check on {@code tries} generated values, all drawn from one seed.
 *
 * <p>The seed is {@code -Dproperty.seed=} when it is given (Maven passes it on to the test JVM), otherwise a new
 * random one. It is printed before the first try, and a failure names it with the try, the value and the command
 * that replays it: the same seed gives the same values in the same order, so the failing try comes back.
 *
 * <pre>{@code
 * @Test
 * void parseUndoesFormat() {
 *     Property.forAll(1000, Gens.uuids(), id -> assertThat(parse(format(id))).contains(id));
 * }
 * }</pre>
 *
 * <p>Unlike jqwik it does not shrink a failing value: the failure shows the value as it was generated.
 */
public final class Property {

    /** The system property that fixes the seed of every property of the run. */
    public static final String SEED_PROPERTY = "property.seed";

    private static final int MAX_SHOWN = 2_000;

    private Property() {}

    @FunctionalInterface
    public interface Check<T> {
        void check(T value) throws Exception;
    }

    @FunctionalInterface
    public interface Check2<A, B> {
        void check(A a, B b) throws Exception;
    }

    @FunctionalInterface
    public interface Check3<A, B, C> {
        void check(A a, B b, C c) throws Exception;
    }

    public static <T> void forAll(int tries, Gen<T> gen, Check<T> check) {
        run(caller(), seed(), tries, gen, check);
    }

    public static <A, B> void forAll(int tries, Gen<A> a, Gen<B> b, Check2<A, B> check) {
        run(
                caller(),
                seed(),
                tries,
                random -> new Object[] {a.next(random), b.next(random)},
                values -> check.check(cast(values[0]), cast(values[1])));
    }

    public static <A, B, C> void forAll(int tries, Gen<A> a, Gen<B> b, Gen<C> c, Check3<A, B, C> check) {
        run(
                caller(),
                seed(),
                tries,
                random -> new Object[] {a.next(random), b.next(random), c.next(random)},
                values -> check.check(cast(values[0]), cast(values[1]), cast(values[2])));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    /** The property's run, with a given name and seed (package-private: for the runner's own tests). */
    static <T> void run(String name, long seed, int tries, Gen<T> gen, Check<T> check) {
        if (tries < 1) {
            throw new IllegalArgumentException("tries: " + tries);
        }
        System.out.printf("[property] %s: %,d tries, seed %d%n", name, tries, seed);
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int attempt = 1; attempt <= tries; attempt++) {
            RandomGenerator random = new SplittableRandom(seeds.nextLong());
            T value;
            try {
                value = gen.next(random);
            } catch (RuntimeException | Error e) {
                throw new AssertionError(failure(name, seed, attempt, tries, "generating the value failed", null), e);
            }
            try {
                check.check(value);
            } catch (Exception | AssertionError | StackOverflowError e) {
                throw new AssertionError(failure(name, seed, attempt, tries, String.valueOf(e), value), e);
            }
        }
    }

    private static String failure(String name, long seed, int attempt, int tries, String what, Object value) {
        return String.format(
                "property %s failed at try %,d of %,d with seed %d (replay: -D%s=%d -Dtest='%s')%n"
                        + "  value: %s%n  %s",
                name, attempt, tries, seed, SEED_PROPERTY, seed, name, value == null ? "-" : show(value), what);
    }

    static long seed() {
        String given = System.getProperty(SEED_PROPERTY);
        if (given != null && !given.isBlank()) {
            try {
                return Long.parseLong(given.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + SEED_PROPERTY + " must be a long: " + given, e);
            }
        }
        return ThreadLocalRandom.current().nextLong();
    }

    /** {@code Class#method} of the test that called {@code forAll}. */
    private static String caller() {
        return StackWalker.getInstance()
                .walk(frames -> frames.dropWhile(f -> !f.getClassName().equals(Property.class.getName()))
                        .dropWhile(f -> f.getClassName().equals(Property.class.getName()))
                        .findFirst()
                        .map(f -> simpleName(f.getClassName()) + "#" + f.getMethodName())
                        .orElse("?"));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** The value as text, with every character outside printable ASCII escaped, and cut at 2,000 characters. */
    static String show(Object value) {
        String text;
        if (value instanceof Object[] array) {
            text = Arrays.deepToString(Arrays.stream(array).map(Property::show).toArray());
        } else if (value instanceof byte[] bytes) {
            text = "bytes " + Arrays.toString(bytes);
        } else if (value instanceof CharSequence chars) {
            text = '"' + escape(chars.toString()) + '"';
        } else {
            text = escape(String.valueOf(value));
        }
        return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "… (" + text.length() + " chars)" : text;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c <= '~' && c != '\\') {
                out.append(c);
            } else if (c == '\\') {
                out.append("\\\\");
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out.toString();
    }
}
