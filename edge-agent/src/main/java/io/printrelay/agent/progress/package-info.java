/**
 * What the agent records in the DynamoDB table, the source of truth: job and label progress and its
 * printers' state. Every attribute name comes from {@code JobTable}; no other package writes the
 * table.
 */
package io.printrelay.agent.progress;
