/**
 * What the dispatch sweep tells CloudWatch each run: printers gone quiet and jobs per state, as
 * CloudWatch Embedded Metric Format log lines (the stack's alarms and dashboard read them).
 */
package io.printrelay.function.metrics;
