package io.printrelay.zpl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which ZPL commands a label may not carry, found as a Zebra finds them. The one home of these
 * rules: the function checks every label it accepts with {@link #restricted}.
 *
 * <p><b>Reading as a Zebra does.</b> Every {@code ^} and every {@code ~} starts a command, wherever
 * it stands: in field data too (a {@code ^} ends {@code ^FD} data, a {@code ~} runs at once), and
 * in {@code ^FX} comments. Only data sent in hexadecimal ({@code ^FH}, {@code _5E} for {@code ^})
 * is safe. A command is named by its prefix and the next two characters; carriage returns and line
 * feeds are ignored by the printer, so control characters are skipped when reading the name, and
 * letters match in either case. Each name matches with either prefix, except where noted: the
 * printer takes several commands both ways ({@code ^HL ~HL}, {@code ^CC ~CC}).
 *
 * <p><b>The kinds</b> (Zebra's ZPL II Programming Guide, command by command):
 *
 * <ul>
 *   <li>{@link Kind#HOST_REPLY}: commands that make the printer send data back to the host. The
 *       agent reads the printer's replies as the answer to its own {@code ~HS}, so a label asking
 *       for one could be recorded printed while it still waits in the buffer. Every {@code H}
 *       command (host status {@code ~HS}, query {@code ~HQ}, identification {@code ~HI}, RAM {@code
 *       ~HM}, battery {@code ~HB}, head diagnostic {@code ~HD}, configuration {@code ^HH},
 *       directory {@code ^HW}, format, graphic and font uploads {@code ^HF ^HG ^HY ^HT}, alerts
 *       {@code ~HU}, field verification {@code ^HV}, description {@code ^HZ}, RFID log and
 *       calibration {@code ^HL ~HL ^HR}), RFID encoding results {@code ~RV} and the odometer query
 *       {@code ~WQ}.
 *   <li>{@link Kind#PREFIX_CHANGE}: {@code ^CC ~CC ^CT ~CT}, which change the prefix characters and
 *       would hide every later command from this check.
 *   <li>{@link Kind#PRINTER_CONFIG}: commands that change the printer beyond the label: saving and
 *       restoring settings, calibration, resets, cancelling other formats, reprint after error (the
 *       whole {@code ^J}/{@code ~J} family: {@code ^JU ^JZ ~JA ~JR ~JC ...}); network and wireless
 *       ({@code ^N}/{@code ~N}, {@code ^WA ^WE ^WI ^WL ^WP ^WR ~WR ^WS ^WX}, alerts {@code ^SX
 *       ^SQ}, serial port {@code ^SC}); the printer's name, password and settings ({@code ^K}
 *       family: {@code ^KP ^KN ^KD ^KL ~KB}); stored files ({@code ~DY} downloads any file,
 *       certificates included; {@code ^ID} deletes, {@code ^TO} copies over, {@code ^EF ~EG} erase;
 *       {@code ^CM} re-letters the drives); clock, sensors and modes ({@code ^ST ^SR ^SS ^SI ^SZ
 *       ^MP ^MA ^MI ^MW}); configuration printouts ({@code ~WC ~WL}); the counters' reset {@code
 *       ~RO}, the applicator reprint {@code ~PR} (not {@code ^PR}, the print rate) and sleep {@code
 *       ^ZZ}. Format settings a label designer emits ({@code ^MD ^PR ~SD ~TA ^MN ^MT ^PW ^LL ^CI
 *       ...}) last only until the printer restarts unless {@code ^JU} saves them, and stay allowed;
 *       so do graphics, fonts and formats a label brings along ({@code ~DG ~DB ~DT ~DU ^DF ^IS}).
 * </ul>
 */
public final class ZplCommands {
  /** Why a command is restricted. */
  public enum Kind {
    HOST_REPLY,
    PREFIX_CHANGE,
    PRINTER_CONFIG
  }

  /**
   * A restricted command as the printer reads it.
   *
   * @param name its prefix and two letters, upper case ({@code ~HS})
   */
  public record Command(String name, Kind kind) {}

  // Whole families, by the command's first letter.
  private static final Map<Character, Kind> FAMILIES =
      Map.of(
          'H', Kind.HOST_REPLY,
          'J', Kind.PRINTER_CONFIG,
          'K', Kind.PRINTER_CONFIG,
          'N', Kind.PRINTER_CONFIG);

  private static final Map<String, Kind> BY_LETTERS = byLetters();

  // ^PR sets the print rate, which labels carry; only ~PR (applicator reprint) is refused.
  private static final Set<String> TILDE_ONLY = Set.of("PR");

  private ZplCommands() {}

  private static Map<String, Kind> byLetters() {
    Map<String, Kind> kinds = new HashMap<>();
    for (String letters : List.of("RV", "WQ")) {
      kinds.put(letters, Kind.HOST_REPLY);
    }
    for (String letters : List.of("CC", "CT")) {
      kinds.put(letters, Kind.PREFIX_CHANGE);
    }
    for (String letters :
        List.of(
            "CM", "DY", "EF", "EG", "ID", "TO", "MA", "MI", "MP", "MW", "PR", "RO", "SC", "SI",
            "SQ", "SR", "SS", "ST", "SX", "SZ", "WA", "WC", "WE", "WI", "WL", "WP", "WR", "WS",
            "WX", "ZZ")) {
      kinds.put(letters, Kind.PRINTER_CONFIG);
    }
    return Map.copyOf(kinds);
  }

  /**
   * The restricted commands a Zebra would run from this text, each once, in order of first
   * appearance.
   */
  public static List<Command> restricted(String zpl) {
    Set<Command> found = new LinkedHashSet<>();
    for (int at = 0; at < zpl.length(); at++) {
      char prefix = zpl.charAt(at);
      if (prefix == '^' || prefix == '~') {
        Command command = command(zpl, at);
        if (command != null) {
          found.add(command);
        }
      }
    }
    return new ArrayList<>(found);
  }

  // The command starting at a prefix; the next prefix starts the next command, so the caller
  // looks at every prefix, including one that stands where this name's letters would be.
  private static Command command(String zpl, int at) {
    char[] letters = new char[2];
    int read = 0;
    for (int i = at + 1; i < zpl.length() && read < 2; i++) {
      char c = zpl.charAt(i);
      if (!Character.isISOControl(c)) {
        letters[read++] = upper(c);
      }
    }
    if (read < 2) {
      return null;
    }
    char prefix = zpl.charAt(at);
    Kind kind = kind(prefix, letters[0], letters[1]);
    return kind == null ? null : new Command("" + prefix + letters[0] + letters[1], kind);
  }

  private static Kind kind(char prefix, char first, char second) {
    Kind family = FAMILIES.get(first);
    if (family != null) {
      return family;
    }
    String letters = "" + first + second;
    if (prefix == '^' && TILDE_ONLY.contains(letters)) {
      return null;
    }
    return BY_LETTERS.get(letters);
  }

  // A Zebra folds only ASCII letters; Character.toUpperCase would turn a dotless ı into I.
  private static char upper(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
  }
}
