package io.printrelay.function.problem;

/** A body over the size the API accepts. */
public final class PayloadTooLarge extends Rejection {
  public PayloadTooLarge(String detail) {
    super(detail);
  }
}
