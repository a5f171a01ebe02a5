package io.printrelay.function.problem;

/** A store or queue the request needs cannot be reached; worth retrying. */
public final class Unavailable extends Rejection {
  public Unavailable(String detail) {
    super(detail);
  }
}
