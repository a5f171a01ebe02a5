package io.printrelay.function.webhooks;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a record's fields from Odoo through the external API its profile names ({@link OdooApi}:
 * JSON-RPC's {@code execute_kw}, or JSON-2 on Odoo 19), following many-to-one relations for dotted
 * paths ({@code product_id.name}): a many2one reads as {@code [id, "display name"]}, its model
 * comes from {@code fields_get}, and its fields from one more {@code read}. A path that ends on a
 * many2one gives its display name. The API only carries the calls ({@link OdooWire}).
 */
@Singleton
public class OdooReader {
  private static final int MAX_DEPTH = 4;

  private final OdooHttp http;

  public OdooReader(JsonMapper json, OutboundAddresses outbound) {
    this.http = new OdooHttp(json, outbound);
  }

  /** Odoo could not be reached or gave no usable answer: worth trying again later. */
  static final class Unreachable extends Exception {
    Unreachable(String message) {
      super(message);
    }
  }

  /** Odoo answered with an error that trying again will not mend (access denied, no field). */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  /** The record no longer exists. */
  static final class Gone extends Exception {
    Gone(String message) {
      super(message);
    }
  }

  /**
   * @param apiKey the user's API key (or password), opened from its seal for this call only
   * @return each path with its value, as the webhook's body would hold a field
   */
  Map<String, JsonNode> read(
      ProfileSettings.OdooConnection odoo,
      String apiKey,
      String model,
      long recordId,
      Set<String> paths)
      throws Unreachable, Refused, Gone {
    OdooApi api =
        OdooApi.named(odoo.api())
            .orElseThrow(() -> new Refused("the profile names no Odoo API: " + odoo.api()));
    OdooWire wire =
        switch (api) {
          case JSON_RPC -> JsonRpcWire.open(http, odoo, apiKey);
          case JSON_2 -> new Json2Wire(http, odoo, apiKey);
        };
    Map<String, JsonNode> values = new LinkedHashMap<>();
    JsonNode record = wire.read(model, recordId, firstSegments(paths));
    if (record == null) {
      throw new Gone(model + " " + recordId + " no longer exists in Odoo");
    }
    resolve(wire, model, record, List.copyOf(paths), "", values, 0);
    return values;
  }

  private static void resolve(
      OdooWire wire,
      String model,
      JsonNode record,
      List<String> paths,
      String prefix,
      Map<String, JsonNode> values,
      int depth)
      throws Unreachable, Refused {
    Map<String, List<String>> deeper = new LinkedHashMap<>();
    for (String path : paths) {
      int dot = path.indexOf('.');
      String field = dot < 0 ? path : path.substring(0, dot);
      JsonNode value = record.get(field);
      if (value == null) {
        throw new Refused(model + " has no field " + field);
      }
      if (dot < 0) {
        // A many2one reads as [id, "display name"]: print its name.
        values.put(prefix + path, value.isArray() && value.size() == 2 ? value.get(1) : value);
      } else {
        deeper.computeIfAbsent(field, f -> new ArrayList<>()).add(path.substring(dot + 1));
      }
    }
    if (deeper.isEmpty()) {
      return;
    }
    if (depth >= MAX_DEPTH) {
      throw new Refused("paths follow at most " + MAX_DEPTH + " relations");
    }
    JsonNode relations = wire.fieldsGet(model, deeper.keySet());
    for (Map.Entry<String, List<String>> entry : deeper.entrySet()) {
      String field = entry.getKey();
      JsonNode value = record.get(field);
      JsonNode description = relations.get(field);
      JsonNode relation = description == null ? null : description.get("relation");
      JsonNode type = description == null ? null : description.get("type");
      if (relation == null
          || !relation.isString()
          || type == null
          || !"many2one".equals(type.getStringValue())) {
        throw new Refused(model + "." + field + " is no many2one relation to follow");
      }
      if (!value.isArray() || value.size() < 1 || !value.get(0).isNumber()) {
        // An empty relation (false): every path through it is empty too.
        for (String rest : entry.getValue()) {
          values.put(prefix + field + "." + rest, JsonNode.createBooleanNode(false));
        }
        continue;
      }
      String related = relation.getStringValue();
      JsonNode relatedRecord =
          wire.read(related, value.get(0).getLongValue(), firstSegments(entry.getValue()));
      if (relatedRecord == null) {
        for (String rest : entry.getValue()) {
          values.put(prefix + field + "." + rest, JsonNode.createBooleanNode(false));
        }
        continue;
      }
      resolve(
          wire, related, relatedRecord, entry.getValue(), prefix + field + ".", values, depth + 1);
    }
  }

  private static Set<String> firstSegments(Iterable<String> paths) {
    Set<String> fields = new LinkedHashSet<>();
    for (String path : paths) {
      int dot = path.indexOf('.');
      fields.add(dot < 0 ? path : path.substring(0, dot));
    }
    return fields;
  }
}
