package io.printrelay.function.problem;

/** The body is not what the endpoint reads, e.g. not JSON. */
public final class MalformedRequest extends Rejection {
  public MalformedRequest(String detail) {
    super(detail);
  }
}
