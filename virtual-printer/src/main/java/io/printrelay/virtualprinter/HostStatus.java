package io.printrelay.virtualprinter;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The answer to {@code ~HS} (Host Status Return, ZPL II Programming Guide): three strings, each
 * {@code <STX>...<ETX><CR><LF>}:
 *
 * <pre>
 * 1: aaa,b,c,dddd,eee,f,g,h,iii,j,k,l     comm settings, paper out, pause, label length (dots),
 *                                         formats in receive buffer, buffer full, diagnostic mode,
 *                                         partial format, unused, corrupt RAM, under/over temperature
 * 2: mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www     function settings, unused, head up, ribbon out, thermal
 *                                         transfer, print mode, print width mode, label waiting,
 *                                         labels remaining in batch, format while printing, graphics
 * 3: xxxx,y                               password, static RAM installed
 * </pre>
 *
 * Only the fields a print agent acts on are modelled; the rest are fixed plausible values (9600 8N1
 * Xon/Xoff, direct thermal, tear-off).
 */
public record HostStatus(
    boolean paperOut,
    boolean paused,
    int labelLengthDots,
    int formatsInBuffer,
    boolean bufferFull,
    boolean partialFormat,
    boolean headUp,
    int labelsRemaining) {

  public static final char STX = 0x02;
  public static final char ETX = 0x03;
  private static final int MAX_RESPONSE = 1024;

  public String toWire() {
    String line1 =
        String.format(
            Locale.ROOT,
            "030,%d,%d,%04d,%03d,%d,0,%d,000,0,0,0",
            flag(paperOut),
            flag(paused),
            clamp(labelLengthDots, 9999),
            clamp(formatsInBuffer, 999),
            flag(bufferFull),
            flag(partialFormat));
    String line2 =
        String.format(
            Locale.ROOT,
            "001,0,%d,0,0,2,6,0,%08d,1,000",
            flag(headUp),
            clamp(labelsRemaining, 99_999_999));
    String line3 = "1234,0";
    return frame(line1) + frame(line2) + frame(line3);
  }

  public byte[] toBytes() {
    return toWire().getBytes(StandardCharsets.US_ASCII);
  }

  /** Parses a full three-string response; throws IllegalArgumentException when malformed. */
  public static HostStatus parse(CharSequence response) {
    String s = response.toString();
    List<String[]> lines = new ArrayList<>(3);
    int from = 0;
    while (lines.size() < 3) {
      int stx = s.indexOf(STX, from);
      int etx = stx < 0 ? -1 : s.indexOf(ETX, stx);
      if (etx < 0) {
        throw new IllegalArgumentException(
            "~HS response needs 3 STX..ETX strings, got " + lines.size());
      }
      lines.add(s.substring(stx + 1, etx).split(",", -1));
      from = etx + 1;
    }
    String[] l1 = fields(lines.get(0), 12, 1);
    String[] l2 = fields(lines.get(1), 11, 2);
    fields(lines.get(2), 2, 3);
    return new HostStatus(
        bit(l1[1]),
        bit(l1[2]),
        num(l1[3]),
        num(l1[4]),
        bit(l1[5]),
        bit(l1[7]),
        bit(l2[2]),
        num(l2[8]));
  }

  /** Reads exactly one response (three CR LF terminated strings) from a printer connection. */
  public static HostStatus readFrom(InputStream in) throws IOException {
    StringBuilder response = new StringBuilder();
    int lineEnds = 0;
    while (lineEnds < 3) {
      int c = in.read();
      if (c < 0) {
        throw new EOFException("connection closed inside a ~HS response: " + response);
      }
      if (response.length() >= MAX_RESPONSE) {
        throw new IOException("~HS response too long");
      }
      response.append((char) c);
      if (c == '\n') {
        lineEnds++;
      }
    }
    return parse(response);
  }

  private static String frame(String body) {
    return STX + body + ETX + "\r\n";
  }

  private static String[] fields(String[] fields, int expected, int line) {
    if (fields.length != expected) {
      throw new IllegalArgumentException(
          "~HS string " + line + " has " + fields.length + " fields, expected " + expected);
    }
    return fields;
  }

  private static boolean bit(String field) {
    return switch (field.trim()) {
      case "0" -> false;
      case "1" -> true;
      default -> throw new IllegalArgumentException("not a ~HS flag: " + field);
    };
  }

  private static int num(String field) {
    try {
      return Integer.parseInt(field.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a ~HS number: " + field, e);
    }
  }

  private static int flag(boolean b) {
    return b ? 1 : 0;
  }

  private static int clamp(int value, int max) {
    return Math.max(0, Math.min(value, max));
  }
}
