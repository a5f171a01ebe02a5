package io.printrelay.function.problem;

/** A job or printer named in the path that does not exist. */
public final class NotFound extends Rejection {
  public NotFound(String what, String id) {
    super("no " + what + " " + id);
  }
}
