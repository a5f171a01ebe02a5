package io.printrelay.agent.printing;

import java.io.IOException;

/** The printer could not be connected to: nothing of the label was sent. */
public final class PrinterUnreachable extends IOException {
  public PrinterUnreachable(String host, int port, IOException cause) {
    super("cannot connect to " + host + ":" + port + ": " + describe(cause), cause);
  }

  private static String describe(IOException cause) {
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
