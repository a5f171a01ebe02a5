package io.printrelay.function.problem;

/** A body in a media type the endpoint does not read. */
public final class UnsupportedMediaType extends Rejection {
  public UnsupportedMediaType(String detail) {
    super(detail);
  }
}
