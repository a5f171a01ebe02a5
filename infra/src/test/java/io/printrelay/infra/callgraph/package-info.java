/**
 * A tiny code base for {@code CallGraphTest}: each way a call can reach the SDK (an interface, a
 * lambda, a method reference, a JDK callback, a transaction built elsewhere), and calls nothing
 * reaches.
 */
package io.printrelay.infra.callgraph;
