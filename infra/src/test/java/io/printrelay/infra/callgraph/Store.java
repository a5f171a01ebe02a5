package io.printrelay.infra.callgraph;

/** A port: calls reach its adapter only through the interface. */
public interface Store {
  int count(String printerId);
}
