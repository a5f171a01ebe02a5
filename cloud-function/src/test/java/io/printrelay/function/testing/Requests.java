package io.printrelay.function.testing;

import java.util.StringJoiner;

/** Submit bodies for tests, built as JSON text. */
public final class Requests {
  public static final String TEMPLATE =
      "^XA^FO30,30^A0N,40^FD{{product}}^FS^FO30,90^FDBox {{n}} of {{total}}^FS^XZ";

  private Requests() {}

  /** A job of {@code count} whole-ZPL labels for the printer. */
  public static String zplLabels(String printerId, int count) {
    StringJoiner labels = new StringJoiner(",", "[", "]");
    for (int i = 1; i <= count; i++) {
      labels.add("{\"zpl\":\"^XA^FDlabel " + i + "^FS^XZ\"}");
    }
    return "{\"printerId\":\"" + printerId + "\",\"labels\":" + labels + "}";
  }

  public static String withLabels(String printerId, String labelsJson) {
    return "{\"printerId\":\"" + printerId + "\",\"labels\":" + labelsJson + "}";
  }

  public static String zplDocument(String printerId, String document) {
    return "{\"printerId\":\"" + printerId + "\",\"zplDocument\":\"" + document + "\"}";
  }

  public static String repeat(String element, int count) {
    StringJoiner all = new StringJoiner(",", "[", "]");
    for (int i = 0; i < count; i++) {
      all.add(element);
    }
    return all.toString();
  }
}
