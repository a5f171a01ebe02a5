package io.printrelay.function.problem;

/** A job or printer named in the path that does not exist. */
public final class NotFound extends Rejection {
  // Ids are at most 64 characters; a longer one is the caller's mistake, not worth echoing whole.
  private static final int MAX_ID = 64;

  public NotFound(String what, String id) {
    super("no " + what + " " + (id.length() > MAX_ID ? id.substring(0, MAX_ID) + "…" : id));
  }
}
