package io.printrelay.function.webhooks;

import io.printrelay.function.problem.FieldError;
import io.printrelay.function.problem.InvalidInput;
import io.printrelay.function.submit.LabelCommands;
import io.printrelay.function.submit.TemplateRenderer;
import io.printrelay.model.PrinterId;
import io.printrelay.model.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of a profile's settings (docs/api.md#intake-profiles), checked when it is created or
 * changed, so that a webhook fails only on what its body holds.
 */
final class ProfileRules {
  static final int MAX_NAME = 100;

  /** Labels one event may ask for: 20 jobs of 500. A bigger quantity is an Odoo mistake. */
  static final int MAX_LABELS = 10_000;

  /** The label's number (1..quantity, across the jobs of an event), and the quantity. */
  static final String LABEL_NUMBER = "@n";

  static final String LABEL_COUNT = "@total";

  static final Set<String> ROUNDINGS = Set.of("up", "down", "nearest");

  /** An Odoo field name, as the webhook's body has it. */
  static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

  /** A path through many2one relations, read from Odoo: {@code product_id.name}. */
  static final Pattern PATH =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}(\\.[A-Za-z_][A-Za-z0-9_]{0,63}){0,4}");

  private ProfileRules() {}

  /** Throws {@link InvalidInput} listing every invalid value at once. */
  static void check(ProfileSettings settings) {
    Pattern field = settings.odoo() == null ? FIELD : PATH;
    List<FieldError> errors = new ArrayList<>();
    if (settings.name() == null || settings.name().isBlank()) {
      errors.add(new FieldError("name", "is required"));
    } else if (settings.name().length() > MAX_NAME) {
      errors.add(new FieldError("name", "is longer than " + MAX_NAME + " characters"));
    }
    if (settings.model() != null && !WebhookIntake.MODEL.matcher(settings.model()).matches()) {
      errors.add(new FieldError("model", "must be an Odoo model name, e.g. mrp.production"));
    }
    printer(settings.printer(), field, errors);
    template(settings, field, errors);
    quantity(settings.quantity(), field, errors);
    odoo(settings.odoo(), errors);
    if (settings.statusUrl() != null && !settings.statusUrl().matches("https?://[^\\s]+")) {
      errors.add(new FieldError("statusUrl", "must be an http(s) URL"));
    }
    if (settings.priority() != null && Priority.parse(settings.priority()).isEmpty()) {
      errors.add(new FieldError("priority", "must be high, normal or low"));
    }
    if (settings.reference() != null && !field.matcher(settings.reference()).matches()) {
      errors.add(new FieldError("reference", "must be a field name of the webhook's body"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }

  private static void printer(
      ProfileSettings.PrinterRule printer, Pattern field, List<FieldError> errors) {
    if (printer == null) {
      errors.add(new FieldError("printer", "is required: {\"printerId\"} or {\"field\", \"map\"}"));
      return;
    }
    if ((printer.printerId() == null) == (printer.field() == null)) {
      errors.add(new FieldError("printer", "needs exactly one of printerId and field"));
      return;
    }
    if (printer.printerId() != null) {
      if (!PrinterId.isValid(printer.printerId())) {
        errors.add(new FieldError("printer.printerId", PrinterId.RULE));
      }
      return;
    }
    if (!field.matcher(printer.field()).matches()) {
      errors.add(new FieldError("printer.field", "must be a field name of the webhook's body"));
    }
    if (printer.map() == null || printer.map().isEmpty()) {
      errors.add(new FieldError("printer.map", "must map the field's values to printer ids"));
      return;
    }
    for (Map.Entry<String, String> entry : printer.map().entrySet()) {
      if (entry.getValue() == null || !PrinterId.isValid(entry.getValue())) {
        errors.add(new FieldError("printer.map." + entry.getKey(), PrinterId.RULE));
      }
    }
  }

  private static void template(ProfileSettings settings, Pattern field, List<FieldError> errors) {
    if (settings.template() == null || settings.template().isBlank()) {
      errors.add(new FieldError("template", "is required: one ^XA...^XZ format"));
      return;
    }
    Set<String> placeholders;
    try {
      placeholders = TemplateRenderer.parse(settings.template()).placeholders();
    } catch (IllegalArgumentException invalid) {
      errors.add(new FieldError("template", invalid.getMessage()));
      return;
    }
    errors.addAll(LabelCommands.refusedInTemplate(settings.template(), "template"));
    Map<String, String> fields = settings.fields() == null ? Map.of() : settings.fields();
    for (String placeholder : placeholders) {
      if (!fields.containsKey(placeholder)) {
        errors.add(new FieldError("fields", "names no body field for {{" + placeholder + "}}"));
      }
    }
    for (Map.Entry<String, String> entry : fields.entrySet()) {
      String source = entry.getValue();
      if (source == null
          || !(LABEL_NUMBER.equals(source)
              || LABEL_COUNT.equals(source)
              || field.matcher(source).matches())) {
        errors.add(
            new FieldError(
                "fields." + entry.getKey(),
                "must be a field name of the webhook's body, "
                    + LABEL_NUMBER
                    + " or "
                    + LABEL_COUNT));
      }
    }
  }

  private static void odoo(ProfileSettings.OdooConnection odoo, List<FieldError> errors) {
    if (odoo == null) {
      return;
    }
    if (odoo.url() == null || !odoo.url().matches("https?://[^\\s]+")) {
      errors.add(new FieldError("odoo.url", "must be the database's http(s) URL"));
    }
    Optional<OdooApi> api = OdooApi.named(odoo.api());
    if (api.isEmpty()) {
      errors.add(new FieldError("odoo.api", "must be json-rpc or json-2"));
    }
    // JSON-RPC names the database in every call; JSON-2 only where the server hosts several.
    boolean databaseRequired = api.orElse(null) == OdooApi.JSON_RPC;
    if (odoo.database() == null ? databaseRequired : odoo.database().isBlank()) {
      errors.add(
          new FieldError(
              "odoo.database", databaseRequired ? "is required" : "must not be blank if given"));
    }
    if (odoo.user() == null || odoo.user().isBlank()) {
      errors.add(new FieldError("odoo.user", "is required"));
    }
  }

  private static void quantity(
      ProfileSettings.QuantityRule quantity, Pattern field, List<FieldError> errors) {
    if (quantity == null) {
      errors.add(
          new FieldError("quantity", "is required: {\"fixed\"} or {\"field\", \"rounding\"}"));
      return;
    }
    if ((quantity.fixed() == null) == (quantity.field() == null)) {
      errors.add(new FieldError("quantity", "needs exactly one of fixed and field"));
      return;
    }
    if (quantity.fixed() != null) {
      if (quantity.fixed() < 1 || quantity.fixed() > MAX_LABELS) {
        errors.add(new FieldError("quantity.fixed", "must be 1 to " + MAX_LABELS));
      }
      return;
    }
    if (!field.matcher(quantity.field()).matches()) {
      errors.add(new FieldError("quantity.field", "must be a field name of the webhook's body"));
    }
    if (quantity.rounding() == null || !ROUNDINGS.contains(quantity.rounding())) {
      errors.add(new FieldError("quantity.rounding", "must be up, down or nearest"));
    }
  }
}
