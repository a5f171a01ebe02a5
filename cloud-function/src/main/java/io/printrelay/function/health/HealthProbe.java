package io.printrelay.function.health;

/** One dependency the API cannot work without. */
public interface HealthProbe {
  /** Names the dependency in an unhealthy answer; never a secret. */
  String name();

  /** True when a cheap read of it succeeds now. */
  boolean reachable();
}
