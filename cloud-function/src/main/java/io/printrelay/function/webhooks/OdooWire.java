package io.printrelay.function.webhooks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The two calls {@link OdooReader} makes to follow a record's paths, over one of Odoo's external
 * APIs ({@link OdooApi}) for one read. Each throws {@link OdooReader.Unreachable} when trying again
 * later may answer, and {@link OdooReader.Refused} when Odoo answered an error that will not mend.
 */
interface OdooWire {
  /**
   * The record's values of these fields, a many2one as {@code [id, "display name"]}; null when the
   * record does not exist.
   */
  @Nullable
  JsonNode read(String model, long id, Set<String> fields)
      throws OdooReader.Unreachable, OdooReader.Refused;

  /** Each field's {@code type} and {@code relation} (the related model of a many2one). */
  JsonNode fieldsGet(String model, Set<String> fields)
      throws OdooReader.Unreachable, OdooReader.Refused;

  static JsonNode strings(Iterable<String> values) {
    List<JsonNode> nodes = new ArrayList<>();
    values.forEach(value -> nodes.add(JsonNode.createStringNode(value)));
    return JsonNode.createArrayNode(nodes);
  }
}
