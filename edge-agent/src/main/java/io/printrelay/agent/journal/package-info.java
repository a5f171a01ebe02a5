/**
 * The agent's local journal: each job's labels and every label's transitions, on disk under {@code
 * --data-dir} before anyone else hears of them, and synced to the table in the background
 * (docs/printing.md#the-local-journal).
 */
package io.printrelay.agent.journal;
