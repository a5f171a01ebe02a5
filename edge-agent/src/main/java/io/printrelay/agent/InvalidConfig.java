package io.printrelay.agent;

/** A setting the agent cannot run with; the message names it and says what is expected. */
public final class InvalidConfig extends IllegalArgumentException {
  public InvalidConfig(String message) {
    super(message);
  }

  public InvalidConfig(String message, Throwable cause) {
    super(message, cause);
  }
}
