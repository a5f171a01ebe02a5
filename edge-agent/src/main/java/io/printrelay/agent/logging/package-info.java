/**
 * The agent's log lines (docs/printing.md#agent-status): one line per event, {@code key=value}
 * pairs that {@code journalctl} and log tools can filter on, for logback.xml.
 */
package io.printrelay.agent.logging;
