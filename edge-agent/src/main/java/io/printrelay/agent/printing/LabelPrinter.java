package io.printrelay.agent.printing;

import java.io.IOException;

/**
 * The one thing that talks to a printer. A label goes out as one whole write, never cut short by a
 * pause, cancel or shutdown (those act between labels).
 *
 * <p>Failures say what is known: {@link PrinterUnreachable} means no byte of the label left (a
 * plain retry is safe); any other {@link IOException} means the outcome is unknown (the connection
 * broke while or after the label was written), so the label must be flagged uncertain before it is
 * sent again.
 */
public interface LabelPrinter extends AutoCloseable {

  /** Sends one label and returns once the printer has it. */
  void print(byte[] label) throws IOException;

  /** Connects if not connected: a cheap "is it reachable again?". */
  void connect() throws IOException;

  /** Drops the connection at once, even under a write in progress. */
  @Override
  void close();
}
