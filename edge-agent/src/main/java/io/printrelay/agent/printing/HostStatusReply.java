package io.printrelay.agent.printing;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The fields of a Zebra's {@code ~HS} answer that the agent acts on. The answer is three strings,
 * each {@code STX ... ETX CR LF} (ZPL II Programming Guide, "~HS Host Status Return"): string 1
 * field 2 paper out, field 3 pause, field 5 formats in the receive buffer; string 2 field 3 head
 * up.
 */
record HostStatusReply(boolean paperOut, boolean paused, int formatsInBuffer, boolean headUp) {
  private static final int STX = 0x02;
  private static final int ETX = 0x03;
  private static final int MAX_STRING = 256;

  /** Reads one answer; bytes before its first STX (left-overs of an earlier answer) are skipped. */
  static HostStatusReply read(InputStream in) throws IOException {
    String[] first = string(in).split(",", -1);
    String[] second = string(in).split(",", -1);
    string(in);
    return new HostStatusReply(flag(first, 1), flag(first, 2), number(first, 4), flag(second, 2));
  }

  /** Why the printer cannot print right now, in an operator's words; null when it can. */
  String problem() {
    if (paperOut) {
      return "paper out";
    }
    if (headUp) {
      return "head open";
    }
    return paused ? "paused on the printer" : null;
  }

  private static String string(InputStream in) throws IOException {
    int b;
    while ((b = in.read()) != STX) {
      if (b < 0) {
        throw new EOFException("connection closed before the ~HS answer");
      }
    }
    StringBuilder text = new StringBuilder();
    while ((b = in.read()) != ETX) {
      if (b < 0 || text.length() > MAX_STRING) {
        throw new IOException("unreadable ~HS answer: " + text);
      }
      text.append((char) b);
    }
    return text.toString();
  }

  private static boolean flag(String[] fields, int index) {
    return index < fields.length && fields[index].trim().equals("1");
  }

  private static int number(String[] fields, int index) {
    try {
      return index < fields.length ? Integer.parseInt(fields[index].trim()) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
