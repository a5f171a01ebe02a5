package io.printrelay.function.submit;

import io.micronaut.json.tree.JsonNode;
import io.printrelay.function.intake.NewLabel;
import io.printrelay.function.submit.SubmitRequest.LabelInput;
import io.printrelay.zpl.ZplDocument;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a request's {@code labels} or {@code zplDocument} into label bytes, or field errors. Field
 * paths index arrays from 0, as in the request ({@code labels[0]} is label 1). Each label object is
 * bound to its {@link LabelInput} record before its rules run; the ZPL each label sends passes
 * {@link LabelCommands}.
 */
final class LabelRules {
  static final int MAX_LABEL_BYTES = 64 * 1024;

  private LabelRules() {}

  static List<byte[]> labels(
      SubmitRequest request,
      Function<JsonNode, LabelInput> bind,
      LabelCommands commands,
      FieldErrors errors) {
    JsonNode labels = present(request.labels());
    JsonNode document = present(request.zplDocument());
    if (labels != null && document != null) {
      errors.add("zplDocument", "give either labels or zplDocument, not both");
      return List.of();
    }
    if (document != null) {
      return document(document, commands, errors);
    }
    if (labels == null) {
      errors.add("labels", "is required (or give zplDocument instead)");
      return List.of();
    }
    return labelArray(inputs(labels, bind, errors), present(request.template()), commands, errors);
  }

  // Null for an entry that is no label object, reported with the other labels' errors.
  private static List<LabelInput> inputs(
      JsonNode labels, Function<JsonNode, LabelInput> bind, FieldErrors errors) {
    if (!labels.isArray() || labels.size() == 0 || labels.size() > NewLabel.MAX_PER_JOB) {
      errors.add(
          "labels",
          "must be an array of 1 to "
              + NewLabel.MAX_PER_JOB
              + " labels"
              + (labels.isArray() ? " (got " + labels.size() + ")" : ""));
      return List.of();
    }
    List<LabelInput> inputs = new ArrayList<>(labels.size());
    for (JsonNode label : labels.values()) {
      inputs.add(label.isObject() ? bind.apply(label) : null);
    }
    return inputs;
  }

  private static List<byte[]> labelArray(
      List<LabelInput> labels, JsonNode template, LabelCommands commands, FieldErrors errors) {
    DataLabels data = DataLabels.of(template, labels, commands, errors);
    List<byte[]> contents = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      String path = "labels[" + i + "]";
      byte[] content = label(labels.get(i), path, data, commands, errors);
      if (content != null && fits(content, path, "this label", errors)) {
        contents.add(content);
      }
    }
    return contents;
  }

  private static byte[] label(
      LabelInput label, String path, DataLabels data, LabelCommands commands, FieldErrors errors) {
    if (label == null) {
      errors.add(path, "must be an object with one of data, zpl, raw");
      return null;
    }
    JsonNode values = present(label.data());
    JsonNode zpl = present(label.zpl());
    JsonNode raw = present(label.raw());
    int kinds = (values == null ? 0 : 1) + (zpl == null ? 0 : 1) + (raw == null ? 0 : 1);
    if (kinds != 1) {
      errors.add(path, "needs exactly one of data, zpl, raw");
      return null;
    }
    if (zpl != null) {
      if (!zpl.isString() || !ZplDocument.isSingleFormat(zpl.getStringValue())) {
        errors.add(path + ".zpl", "must be one whole ^XA...^XZ format");
        return null;
      }
      String text = zpl.getStringValue().strip();
      return commands.allow(text, path + ".zpl", "", errors)
          ? text.getBytes(StandardCharsets.UTF_8)
          : null;
    }
    if (raw != null) {
      return commands.allowRaw(path + ".raw", errors) ? raw(raw, path + ".raw", errors) : null;
    }
    // The template passed the same check; the rendered label is what the printer reads.
    byte[] rendered = data.render(values, path + ".data", errors);
    return rendered != null
            && commands.allow(
                new String(rendered, StandardCharsets.UTF_8), path + ".data", "", errors)
        ? rendered
        : null;
  }

  private static byte[] raw(JsonNode raw, String path, FieldErrors errors) {
    try {
      byte[] bytes = raw.isString() ? Base64.getDecoder().decode(raw.getStringValue()) : null;
      if (bytes == null || bytes.length == 0) {
        errors.add(path, "must be non-empty base64");
        return null;
      }
      return bytes;
    } catch (IllegalArgumentException notBase64) {
      errors.add(path, "is not valid base64");
      return null;
    }
  }

  private static List<byte[]> document(
      JsonNode document, LabelCommands commands, FieldErrors errors) {
    if (!document.isString()) {
      errors.add("zplDocument", "must be a string of ZPL");
      return List.of();
    }
    List<String> formats;
    try {
      formats = ZplDocument.formats(document.getStringValue());
    } catch (IllegalArgumentException unterminated) {
      errors.add("zplDocument", unterminated.getMessage());
      return List.of();
    }
    if (formats.isEmpty() || formats.size() > NewLabel.MAX_PER_JOB) {
      errors.add(
          "zplDocument",
          "must hold 1 to "
              + NewLabel.MAX_PER_JOB
              + " ^XA...^XZ formats (got "
              + formats.size()
              + ")");
      return List.of();
    }
    List<byte[]> contents = new ArrayList<>();
    for (int i = 0; i < formats.size(); i++) {
      byte[] content = formats.get(i).getBytes(StandardCharsets.UTF_8);
      if (fits(content, "zplDocument", "format " + (i + 1), errors)
          && commands.allow(formats.get(i), "zplDocument", "format " + (i + 1) + ": ", errors)) {
        contents.add(content);
      }
    }
    return contents;
  }

  private static boolean fits(byte[] content, String path, String what, FieldErrors errors) {
    if (content.length <= MAX_LABEL_BYTES) {
      return true;
    }
    errors.add(
        path,
        what
            + " is "
            + content.length
            + " bytes; a label may have at most "
            + MAX_LABEL_BYTES
            + " (64 KiB)");
    return false;
  }

  static JsonNode present(JsonNode node) {
    return node == null || node.isNull() ? null : node;
  }
}
