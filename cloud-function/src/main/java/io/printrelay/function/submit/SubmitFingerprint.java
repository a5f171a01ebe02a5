package io.printrelay.function.submit;

import io.micronaut.json.tree.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SHA-256 of a submit as parsed, written canonically, kept with its Idempotency-Key's claim so
 * that the same key sent with another request is told apart (docs/api.md#idempotency). Canonical:
 * the request's own fields (unknown ones are ignored by the API, so they do not count) and each
 * label's {@code data}, {@code zpl} or {@code raw}, objects with their keys sorted, no white space,
 * a field that is null the same as one left out, and numbers by value ({@code 1.50} is {@code
 * 1.5}).
 */
final class SubmitFingerprint {
  private static final Set<String> LABEL_FIELDS = Set.of("data", "zpl", "raw");

  private SubmitFingerprint() {}

  /** Lower-case hex SHA-256 of the canonical request. */
  static String of(SubmitRequest request) {
    Map<String, JsonNode> fields = new TreeMap<>();
    put(fields, "printerId", request.printerId());
    put(fields, "priority", request.priority());
    put(fields, "reference", request.reference());
    put(fields, "template", request.template());
    put(fields, "labels", labels(request.labels()));
    put(fields, "zplDocument", request.zplDocument());
    StringBuilder canonical = new StringBuilder();
    write(JsonNode.createObjectNode(fields), canonical);
    return HexFormat.of().formatHex(sha256(canonical.toString()));
  }

  // Only what a label is read for: exactly one of data, zpl, raw (validated before this).
  private static JsonNode labels(JsonNode labels) {
    if (labels == null || !labels.isArray()) {
      return labels;
    }
    List<JsonNode> kept = new ArrayList<>();
    for (JsonNode label : labels.values()) {
      Map<String, JsonNode> own = new TreeMap<>();
      if (label.isObject()) {
        label
            .entries()
            .forEach(
                e -> {
                  if (LABEL_FIELDS.contains(e.getKey())) {
                    put(own, e.getKey(), e.getValue());
                  }
                });
      }
      kept.add(label.isObject() ? JsonNode.createObjectNode(own) : label);
    }
    return JsonNode.createArrayNode(kept);
  }

  private static void put(Map<String, JsonNode> fields, String name, JsonNode value) {
    if (value != null && !value.isNull()) {
      fields.put(name, value);
    }
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      node.entries().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      out.append('{');
      String separator = "";
      for (Map.Entry<String, JsonNode> entry : sorted.entrySet()) {
        out.append(separator);
        string(entry.getKey(), out);
        out.append(':');
        write(entry.getValue(), out);
        separator = ",";
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(node.get(i), out);
      }
      out.append(']');
    } else if (node.isString()) {
      string(node.getStringValue(), out);
    } else if (node.isNumber()) {
      out.append(number(node.getNumberValue()));
    } else if (node.isBoolean()) {
      out.append(node.getBooleanValue());
    } else {
      out.append("null");
    }
  }

  private static String number(Number number) {
    if (number instanceof Integer
        || number instanceof Long
        || number instanceof Short
        || number instanceof Byte
        || number instanceof BigInteger) {
      return number.toString();
    }
    if (number instanceof Double d && !Double.isFinite(d)
        || number instanceof Float f && !Float.isFinite(f)) {
      return number.toString();
    }
    BigDecimal decimal = number instanceof BigDecimal big ? big : new BigDecimal(number.toString());
    return decimal.stripTrailingZeros().toPlainString();
  }

  private static void string(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
