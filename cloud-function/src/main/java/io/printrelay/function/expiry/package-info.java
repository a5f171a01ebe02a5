/**
 * Removing what finished jobs leave behind: the labels of jobs finished longer than the retention
 * ago, after which each job expires by its own TTL (job-model's {@code table.Expiry} holds the rule
 * and its cost). Runs with the dispatch sweep.
 */
package io.printrelay.function.expiry;
