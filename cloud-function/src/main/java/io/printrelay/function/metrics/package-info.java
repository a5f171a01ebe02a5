/**
 * What the dispatch sweep tells CloudWatch each run: printers gone quiet, jobs per state and labels
 * printed, as CloudWatch Embedded Metric Format log lines (the stack's alarms and dashboard read
 * them).
 */
package io.printrelay.function.metrics;
