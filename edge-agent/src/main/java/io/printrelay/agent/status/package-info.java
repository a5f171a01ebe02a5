/**
 * What the agent tells the person at its machine (docs/printing.md#agent-status): {@code GET
 * /status} on loopback, and {@code printrelay agent status}, which prints it as a table.
 */
package io.printrelay.agent.status;
