package io.printrelay.virtualprinter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Incremental splitter of a raw port-9100 byte stream into ZPL formats.
 *
 * <p>Port 9100 has no framing: the stream is plain ZPL, and a label exists only between {@code ^XA}
 * and {@code ^XZ}. TCP hands that stream over in arbitrary chunks, so a format may span reads and
 * one read may carry several formats. The splitter keeps the last two bytes it has seen, so a
 * three-byte command cut across a chunk boundary is still recognised.
 *
 * <p>What it reports, in stream order:
 *
 * <ul>
 *   <li>{@link Format}: a complete format, {@code ^XA} through {@code ^XZ} inclusive;
 *   <li>{@link HostCommand}: a {@code ~} command outside a format (two letters, e.g. {@code ~HS}),
 *       which a Zebra executes as soon as it arrives instead of queueing it;
 *   <li>{@link Discarded}: bytes that can never be printed: an unterminated format (cut by the end
 *       of the stream, or by a new {@code ^XA} before its {@code ^XZ}) and non-blank stray bytes
 *       outside formats. Surfacing them lets tests prove "half a label never reaches paper".
 * </ul>
 *
 * <p>Commands match case-insensitively ({@code ^xa} works on a Zebra too). The default prefixes
 * {@code ^} and {@code ~} are assumed; {@code ^CC}/{@code ~CT} prefix changes are not followed, and
 * parameters of other {@code ~} commands (e.g. {@code ~DG} data) show up as stray bytes.
 *
 * <p>Not thread-safe: one instance per connection, fed by the thread that reads it.
 */
public final class ZplFormatSplitter {

  /** Something found in the stream. */
  public sealed interface Event permits Format, HostCommand, Discarded {}

  /**
   * A complete format.
   *
   * @param bytes the format, {@code ^XA} to {@code ^XZ} inclusive, as received
   * @param endOffset index in the array given to {@link #feed} just past the final {@code Z}, so a
   *     caller that stops after this format knows which bytes of the chunk followed it
   */
  public record Format(byte[] bytes, int endOffset) implements Event {
    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** A {@code ~} command received outside a format; {@code code} is upper case, e.g. "HS". */
  public record HostCommand(String code) implements Event {
    public static final String HOST_STATUS = "HS";

    public boolean isHostStatus() {
      return HOST_STATUS.equals(code);
    }
  }

  /** Bytes received that will never be printed (see class comment). */
  public record Discarded(byte[] bytes) implements Event {
    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static final int NONE = -1;

  private final ByteArrayOutputStream format = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stray = new ByteArrayOutputStream();
  private boolean inFormat;
  // The two bytes before the current one, kept across feed() calls; reset after every match so
  // the bytes of one command can never be reused as the start of the next.
  private int prev2 = NONE;
  private int prev1 = NONE;

  /**
   * Feeds {@code len} bytes of {@code chunk} from {@code off}; returns the events they complete.
   */
  public List<Event> feed(byte[] chunk, int off, int len) {
    List<Event> events = new ArrayList<>(2);
    for (int i = off; i < off + len; i++) {
      int c = chunk[i] & 0xff;
      boolean matched = inFormat ? insideFormat(c, i, events) : outsideFormat(c, events);
      if (matched) {
        prev2 = NONE;
        prev1 = NONE;
      } else {
        prev2 = prev1;
        prev1 = c;
      }
    }
    return events;
  }

  public List<Event> feed(byte[] chunk) {
    return feed(chunk, 0, chunk.length);
  }

  /**
   * Ends the stream (connection closed or reset): whatever is pending can no longer become a format
   * and is reported as {@link Discarded}. The splitter is then empty and reusable.
   */
  public List<Event> finish() {
    List<Event> events = new ArrayList<>(1);
    if (inFormat) {
      events.add(new Discarded(format.toByteArray()));
    } else {
      flushStray(events, 0);
    }
    format.reset();
    stray.reset();
    inFormat = false;
    prev2 = NONE;
    prev1 = NONE;
    return events;
  }

  /**
   * Bytes held back waiting for the rest of a format (or for the command that ends stray bytes).
   * Nothing else bounds them: a sender that never sends {@code ^XZ} would grow them forever.
   */
  public int pendingBytes() {
    return format.size() + stray.size();
  }

  /**
   * True while a {@code ^XA} has been seen without its {@code ^XZ} (the ~HS "partial format" flag).
   */
  public boolean inFormat() {
    return inFormat;
  }

  private boolean insideFormat(int c, int index, List<Event> events) {
    format.write(c);
    if (prev2 != '^' || upper(prev1) != 'X') {
      return false;
    }
    if (upper(c) == 'Z') {
      events.add(new Format(format.toByteArray(), index + 1));
      format.reset();
      inFormat = false;
      return true;
    }
    if (upper(c) == 'A') {
      // A new format began before the previous one ended (a sender that gave up mid-label
      // and started over). The fragment is reported instead of being glued onto the next
      // label, so a printed format is always exactly one ^XA..^XZ.
      byte[] all = format.toByteArray();
      events.add(new Discarded(Arrays.copyOf(all, all.length - 3)));
      format.reset();
      format.write(all, all.length - 3, 3);
      return true;
    }
    return false;
  }

  private boolean outsideFormat(int c, List<Event> events) {
    stray.write(c);
    if (prev2 == '^' && upper(prev1) == 'X' && upper(c) == 'A') {
      flushStray(events, 3);
      format.write(prev2);
      format.write(prev1);
      format.write(c);
      inFormat = true;
      return true;
    }
    if (prev2 == '~' && isLetter(prev1) && isLetter(c)) {
      flushStray(events, 3);
      events.add(new HostCommand("" + (char) upper(prev1) + (char) upper(c)));
      return true;
    }
    return false;
  }

  /** Reports the stray bytes, minus the {@code dropLast} bytes of the command that ended them. */
  private void flushStray(List<Event> events, int dropLast) {
    byte[] bytes = stray.toByteArray();
    stray.reset();
    byte[] content = Arrays.copyOf(bytes, bytes.length - dropLast);
    if (!isBlank(content, 0, content.length)) {
      events.add(new Discarded(content));
    }
  }

  /**
   * Whitespace and control bytes between formats are normal (line ends) and not worth reporting.
   */
  static boolean isBlank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if ((bytes[i] & 0xff) > ' ') {
        return false;
      }
    }
    return true;
  }

  private static int upper(int c) {
    return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
  }

  private static boolean isLetter(int c) {
    int u = upper(c);
    return u >= 'A' && u <= 'Z';
  }
}
