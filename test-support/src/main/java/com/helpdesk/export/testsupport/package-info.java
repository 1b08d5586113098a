/**
 * Seeded generators and a property runner for the modules' tests (and the one clock tests move, {@link
 * com.helpdesk.export.testsupport.MutableClock}, used by the application, CLI and JDBC tests), in place of jqwik (whose author asks that AI
 * agents do not use it).
 *
 * <p>A module of its own rather than a copy per module: the properties live in export-domain, wire-text,
 * adapter-csv and adapter-rest-quarkus, which do not depend on one another's tests, and one copy of the generators
 * (their edge cases, their seeds, the failure message) is easier to keep right than four. It is JDK only and is
 * only ever a {@code test} dependency, so nothing of it reaches the service's artifacts.
 *
 * <ul>
 *   <li>{@link com.helpdesk.export.testsupport.Gen}: a value from a {@link java.util.random.RandomGenerator}, with
 *       {@code map}, {@code filter}, {@code list}, {@code orNull} …;</li>
 *   <li>{@link com.helpdesk.export.testsupport.Gens}: numbers, characters, strings, choices and weights, each with
 *       its edge cases (bounds, zero, empty, surrogates) drawn now and then on purpose;</li>
 *   <li>{@link com.helpdesk.export.testsupport.Property}: runs a check for a number of tries from one seed, prints
 *       the seed first and names it, with the try and the value, in the failure; {@code -Dproperty.seed=} replays
 *       it.</li>
 * </ul>
 */
package com.helpdesk.export.testsupport;
