/**
 * The edge agent: {@link io.printrelay.agent.Agent} wires pollers, printer workers and the table
 * together; {@link io.printrelay.agent.AgentMain} is {@code printrelay agent}.
 */
package io.printrelay.agent;
