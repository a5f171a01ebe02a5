package io.printrelay.function.webhooks;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a record's fields from Odoo through its external JSON-RPC API ({@code POST {base}/jsonrpc}:
 * {@code common.authenticate} for the user's id, then {@code object.execute_kw}), following
 * many-to-one relations for dotted paths ({@code product_id.name}): a many2one reads as {@code [id,
 * "display name"]}, its model comes from {@code fields_get}, and its fields from one more {@code
 * read}. A path that ends on a many2one gives its display name.
 */
@Singleton
public class OdooReader {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
  private static final int MAX_DEPTH = 4;

  private final JsonMapper json;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final AtomicLong ids = new AtomicLong();

  public OdooReader(JsonMapper json) {
    this.json = json;
  }

  /** Odoo could not be reached or answered no JSON-RPC: worth trying again later. */
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
    Rpc rpc = new Rpc(odoo, apiKey);
    JsonNode uid =
        rpc.call(
            "common",
            "authenticate",
            List.of(
                JsonNode.createStringNode(odoo.database()),
                JsonNode.createStringNode(odoo.user()),
                JsonNode.createStringNode(apiKey),
                JsonNode.createObjectNode(Map.of())));
    if (!uid.isNumber()) {
      throw new Refused("Odoo refused the user " + odoo.user() + " or its API key");
    }
    rpc.uid = uid.getLongValue();
    Map<String, JsonNode> values = new LinkedHashMap<>();
    JsonNode record = rpc.read(model, recordId, firstSegments(paths));
    if (record == null) {
      throw new Gone(model + " " + recordId + " no longer exists in Odoo");
    }
    resolve(rpc, model, record, List.copyOf(paths), "", values, 0);
    return values;
  }

  private void resolve(
      Rpc rpc,
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
    JsonNode relations = rpc.fieldsGet(model, deeper.keySet());
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
          rpc.read(related, value.get(0).getLongValue(), firstSegments(entry.getValue()));
      if (relatedRecord == null) {
        for (String rest : entry.getValue()) {
          values.put(prefix + field + "." + rest, JsonNode.createBooleanNode(false));
        }
        continue;
      }
      resolve(
          rpc, related, relatedRecord, entry.getValue(), prefix + field + ".", values, depth + 1);
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

  /** The calls of one read: the user's id, once authenticated, serves the reads after it. */
  private final class Rpc {
    private final ProfileSettings.OdooConnection odoo;
    private final String apiKey;
    private long uid;

    private Rpc(ProfileSettings.OdooConnection odoo, String apiKey) {
      this.odoo = odoo;
      this.apiKey = apiKey;
    }

    /** The record with these fields, or null when it does not exist. */
    JsonNode read(String model, long id, Set<String> fields) throws Unreachable, Refused {
      JsonNode records;
      try {
        records =
            executeKw(
                model,
                "read",
                JsonNode.createArrayNode(
                    List.of(JsonNode.createArrayNode(List.of(JsonNode.createNumberNode(id))))),
                JsonNode.createObjectNode(Map.of("fields", strings(fields))));
      } catch (Refused refused) {
        if (refused.getMessage().startsWith("odoo.exceptions.MissingError")) {
          return null;
        }
        throw refused;
      }
      return records.isArray() && records.size() > 0 ? records.get(0) : null;
    }

    JsonNode fieldsGet(String model, Set<String> fields) throws Unreachable, Refused {
      return executeKw(
          model,
          "fields_get",
          JsonNode.createArrayNode(List.of(strings(fields))),
          JsonNode.createObjectNode(
              Map.of(
                  "attributes",
                  JsonNode.createArrayNode(
                      List.of(
                          JsonNode.createStringNode("type"),
                          JsonNode.createStringNode("relation"))))));
    }

    private JsonNode executeKw(String model, String method, JsonNode args, JsonNode kwargs)
        throws Unreachable, Refused {
      return call(
          "object",
          "execute_kw",
          List.of(
              JsonNode.createStringNode(odoo.database()),
              JsonNode.createNumberNode(uid),
              JsonNode.createStringNode(apiKey),
              JsonNode.createStringNode(model),
              JsonNode.createStringNode(method),
              args,
              kwargs));
    }

    JsonNode call(String service, String method, List<JsonNode> args) throws Unreachable, Refused {
      long id = ids.incrementAndGet();
      JsonNode request =
          JsonNode.createObjectNode(
              Map.of(
                  "jsonrpc", JsonNode.createStringNode("2.0"),
                  "method", JsonNode.createStringNode("call"),
                  "id", JsonNode.createNumberNode(id),
                  "params",
                      JsonNode.createObjectNode(
                          Map.of(
                              "service", JsonNode.createStringNode(service),
                              "method", JsonNode.createStringNode(method),
                              "args", JsonNode.createArrayNode(args)))));
      HttpResponse<byte[]> response;
      try {
        response =
            http.send(
                HttpRequest.newBuilder(endpoint())
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(request)))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        throw new Unreachable("Odoo at " + odoo.url() + " cannot be reached: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Unreachable("interrupted while calling Odoo");
      }
      if (response.statusCode() != 200) {
        throw new Unreachable("Odoo at " + odoo.url() + " answered HTTP " + response.statusCode());
      }
      JsonNode answer;
      try {
        answer = json.readValue(response.body(), JsonNode.class);
      } catch (IOException | RuntimeException notJson) {
        throw new Unreachable("Odoo at " + odoo.url() + " answered no JSON-RPC");
      }
      JsonNode error = answer == null ? null : answer.get("error");
      if (error != null && error.isObject()) {
        JsonNode data = error.get("data");
        String name = text(data == null ? null : data.get("name"), "odoo error");
        String message =
            text(data == null ? null : data.get("message"), text(error.get("message"), ""));
        throw new Refused(name + ": " + message);
      }
      JsonNode result = answer == null ? null : answer.get("result");
      if (result == null) {
        throw new Unreachable("Odoo at " + odoo.url() + " answered no result");
      }
      return result;
    }

    private URI endpoint() throws Unreachable {
      try {
        String base = odoo.url().endsWith("/") ? odoo.url() : odoo.url() + "/";
        return URI.create(base).resolve("jsonrpc");
      } catch (IllegalArgumentException e) {
        throw new Unreachable("Odoo's URL " + odoo.url() + " is no URL");
      }
    }
  }

  private static JsonNode strings(Set<String> values) {
    return JsonNode.createArrayNode(values.stream().map(JsonNode::createStringNode).toList());
  }

  private static String text(JsonNode node, String absent) {
    return node != null && node.isString() ? node.getStringValue() : absent;
  }
}
