/**
 * What the agent records in the DynamoDB table, the source of truth: job and label progress and its
 * printers' state. Every request is built in job-model's {@code io.printrelay.table}, the only
 * package that knows attribute names; no other package of the agent writes the table.
 */
package io.printrelay.agent.progress;
