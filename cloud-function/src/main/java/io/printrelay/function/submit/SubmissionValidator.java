package io.printrelay.function.submit;

import static io.printrelay.function.submit.LabelRules.present;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.printrelay.function.security.Capability;
import io.printrelay.function.submit.SubmitRequest.LabelInput;
import io.printrelay.model.PrinterId;
import io.printrelay.model.Priority;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Every rule of docs/api.md#submit, applied to the {@link SubmitRequest} as bound: it collects all
 * invalid fields before answering, so a caller fixes a request in one round. The only outside fact
 * it needs, whether a printer is registered, is passed in.
 */
public final class SubmissionValidator {
  static final int MAX_REFERENCE = 128;
  // Printable ASCII, space included (RFC draft-ietf-httpapi-idempotency-key: a string of them).
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x20-\\x7E]{1,128}");

  private final Function<JsonNode, LabelInput> bindLabel;

  /**
   * @param bindLabel binds one label object of the request to its record
   */
  public SubmissionValidator(Function<JsonNode, LabelInput> bindLabel) {
    this.bindLabel = bindLabel;
  }

  /**
   * @param capabilities the submitting key's: what its labels may carry beyond a label
   * @throws io.printrelay.function.problem.InvalidInput naming every invalid field
   */
  public JobDraft validate(
      SubmitRequest request,
      @Nullable String idempotencyKey,
      Set<Capability> capabilities,
      Predicate<String> printerRegistered) {
    FieldErrors errors = new FieldErrors();
    if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
      errors.add("Idempotency-Key", "must be 1 to 128 printable ASCII characters");
    }
    String printerId = printerId(present(request.printerId()), printerRegistered, errors);
    Priority priority = priority(present(request.priority()), errors);
    String reference = reference(present(request.reference()), errors);
    List<byte[]> labels =
        LabelRules.labels(request, bindLabel, new LabelCommands(capabilities), errors);
    errors.throwIfAny();
    return new JobDraft(
        printerId,
        priority == null ? Priority.forLabelCount(labels.size()) : priority,
        reference,
        labels);
  }

  private static String printerId(
      JsonNode node, Predicate<String> printerRegistered, FieldErrors errors) {
    if (node == null) {
      errors.add("printerId", "is required");
      return null;
    }
    if (!node.isString() || !PrinterId.isValid(node.getStringValue())) {
      errors.add("printerId", "must be " + PrinterId.RULE);
      return null;
    }
    String printerId = node.getStringValue();
    if (!printerRegistered.test(printerId)) {
      errors.add("printerId", "no printer " + printerId + " is registered by any agent");
    }
    return printerId;
  }

  private static Priority priority(JsonNode node, FieldErrors errors) {
    if (node == null) {
      return null;
    }
    Priority priority = node.isString() ? Priority.parse(node.getStringValue()).orElse(null) : null;
    if (priority == null) {
      errors.add("priority", "must be high, normal or low");
    }
    return priority;
  }

  private static String reference(JsonNode node, FieldErrors errors) {
    if (node == null) {
      return null;
    }
    if (!node.isString()) {
      errors.add("reference", "must be a string");
      return null;
    }
    String reference = node.getStringValue();
    if (reference.codePointCount(0, reference.length()) > MAX_REFERENCE) {
      errors.add("reference", "must be at most " + MAX_REFERENCE + " characters");
    }
    return reference;
  }
}
