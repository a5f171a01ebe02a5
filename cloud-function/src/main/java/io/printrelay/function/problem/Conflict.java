package io.printrelay.function.problem;

/** An action the resource's current state does not allow. */
public final class Conflict extends Rejection {
  public Conflict(String detail) {
    super(detail);
  }
}
