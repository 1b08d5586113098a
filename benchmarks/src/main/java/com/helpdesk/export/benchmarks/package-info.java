/** JMH benchmarks of the serializers and the row mapping; see docs/performance.md for how to run them. */
package com.helpdesk.export.benchmarks;
