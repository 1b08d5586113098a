/**
 * The measuring harness, a leaf that nothing depends on: JMH benchmarks of the serializers and the row mapping
 * ({@code SerializerBenchmark}, {@code ReadPipelineBenchmark}), and the end-to-end harness that scripts/benchmark.sh
 * runs against the packaged service ({@code ExportBench}: its modes, the client, the statistics and the CPU and memory
 * samplers each in a class of their own). See docs/performance.md for how to run them.
 */
package com.helpdesk.export.benchmarks;
