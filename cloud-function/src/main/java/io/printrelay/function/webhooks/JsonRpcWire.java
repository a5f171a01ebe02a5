package io.printrelay.function.webhooks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Odoo's external JSON-RPC API ({@code POST {url}/jsonrpc}): {@code common.authenticate} for the
 * user's id once, then {@code object.execute_kw} with the database, the id and the API key on every
 * call. Odoo answers HTTP 200 to every call it ran, errors included, inside the JSON-RPC envelope.
 */
final class JsonRpcWire implements OdooWire {
  private static final AtomicLong IDS = new AtomicLong();

  private final OdooHttp http;
  private final ProfileSettings.OdooConnection odoo;
  private final String apiKey;
  private final long uid;

  private JsonRpcWire(OdooHttp http, ProfileSettings.OdooConnection odoo, String apiKey, long uid) {
    this.http = http;
    this.odoo = odoo;
    this.apiKey = apiKey;
    this.uid = uid;
  }

  /** Authenticates the connection's user; the reads after it go as that user's id. */
  static JsonRpcWire open(OdooHttp http, ProfileSettings.OdooConnection odoo, String apiKey)
      throws OdooReader.Unreachable, OdooReader.Refused {
    JsonNode uid =
        call(
            http,
            odoo.url(),
            "common",
            "authenticate",
            List.of(
                JsonNode.createStringNode(odoo.database()),
                JsonNode.createStringNode(odoo.user()),
                JsonNode.createStringNode(apiKey),
                JsonNode.createObjectNode(Map.of())));
    if (!uid.isNumber()) {
      throw new OdooReader.Refused("Odoo refused the user " + odoo.user() + " or its API key");
    }
    return new JsonRpcWire(http, odoo, apiKey, uid.getLongValue());
  }

  @Override
  public @Nullable JsonNode read(String model, long id, Set<String> fields)
      throws OdooReader.Unreachable, OdooReader.Refused {
    JsonNode records;
    try {
      records =
          executeKw(
              model,
              "read",
              JsonNode.createArrayNode(
                  List.of(JsonNode.createArrayNode(List.of(JsonNode.createNumberNode(id))))),
              JsonNode.createObjectNode(Map.of("fields", OdooWire.strings(fields))));
    } catch (OdooReader.Refused refused) {
      if (refused.getMessage().startsWith("odoo.exceptions.MissingError")) {
        return null;
      }
      throw refused;
    }
    return records.isArray() && records.size() > 0 ? records.get(0) : null;
  }

  @Override
  public JsonNode fieldsGet(String model, Set<String> fields)
      throws OdooReader.Unreachable, OdooReader.Refused {
    return executeKw(
        model,
        "fields_get",
        JsonNode.createArrayNode(List.of(OdooWire.strings(fields))),
        JsonNode.createObjectNode(
            Map.of("attributes", OdooWire.strings(List.of("type", "relation")))));
  }

  private JsonNode executeKw(String model, String method, JsonNode args, JsonNode kwargs)
      throws OdooReader.Unreachable, OdooReader.Refused {
    return call(
        http,
        odoo.url(),
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

  private static JsonNode call(
      OdooHttp http, String url, String service, String method, List<JsonNode> args)
      throws OdooReader.Unreachable, OdooReader.Refused {
    JsonNode request =
        JsonNode.createObjectNode(
            Map.of(
                "jsonrpc", JsonNode.createStringNode("2.0"),
                "method", JsonNode.createStringNode("call"),
                "id", JsonNode.createNumberNode(IDS.incrementAndGet()),
                "params",
                    JsonNode.createObjectNode(
                        Map.of(
                            "service", JsonNode.createStringNode(service),
                            "method", JsonNode.createStringNode(method),
                            "args", JsonNode.createArrayNode(args)))));
    OdooHttp.Answer answer = http.post(url, "jsonrpc", Map.of(), request);
    if (answer.status() != 200) {
      throw new OdooReader.Unreachable("Odoo at " + url + " answered HTTP " + answer.status());
    }
    JsonNode body = answer.body();
    JsonNode error = body == null ? null : body.get("error");
    if (error != null && error.isObject()) {
      JsonNode data = error.get("data");
      String name = text(data == null ? null : data.get("name"), "odoo error");
      String message =
          text(data == null ? null : data.get("message"), text(error.get("message"), ""));
      throw new OdooReader.Refused(name + ": " + message);
    }
    JsonNode result = body == null ? null : body.get("result");
    if (result == null) {
      throw new OdooReader.Unreachable(
          "Odoo at " + url + " answered " + (body == null ? "no JSON-RPC" : "no result"));
    }
    return result;
  }

  private static String text(@Nullable JsonNode node, String absent) {
    return node != null && node.isString() ? node.getStringValue() : absent;
  }
}
