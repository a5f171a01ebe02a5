package io.printrelay.function.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An Odoo database's external JSON-RPC API over real HTTP, as Odoo 17 answers it at {@code POST
 * /jsonrpc}: {@code common.authenticate} answers the user's id or false; {@code object.execute_kw}
 * runs {@code read} (a many2one reads as {@code [id, "display name"]}, a record that does not exist
 * raises MissingError) and {@code fields_get}; a wrong API key raises AccessDenied, in Odoo's error
 * shape.
 */
final class FakeOdoo implements AutoCloseable {
  static final String DATABASE = "commissary";
  static final String USER = "printrelay@example.com";
  static final String API_KEY = "0d0o-api-key-7f3a";
  static final long UID = 7;

  private final JsonMapper json;
  private final HttpServer server;
  private final Map<String, Map<Long, Map<String, Object>>> records = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Map<String, Object>>> fields = new ConcurrentHashMap<>();
  final List<String> calls = new CopyOnWriteArrayList<>();
  volatile boolean down;

  FakeOdoo(JsonMapper json) throws IOException {
    this.json = json;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/jsonrpc", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void put(String model, long id, Map<String, Object> values) {
    Map<String, Object> record = new LinkedHashMap<>(values);
    record.put("id", id);
    records.computeIfAbsent(model, m -> new ConcurrentHashMap<>()).put(id, record);
  }

  void many2one(String model, String field, String relation) {
    fields
        .computeIfAbsent(model, m -> new ConcurrentHashMap<>())
        .put(field, Map.of("type", "many2one", "relation", relation));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (down) {
        answer(exchange, 502, Map.of("error", "bad gateway"));
        return;
      }
      JsonNode request = json.readValue(exchange.getRequestBody().readAllBytes(), JsonNode.class);
      JsonNode params = request.get("params");
      String service = params.get("service").getStringValue();
      String method = params.get("method").getStringValue();
      JsonNode args = params.get("args");
      Object id = request.get("id").getValue();
      calls.add(service + "." + method);
      Map<String, Object> reply = new LinkedHashMap<>();
      reply.put("jsonrpc", "2.0");
      reply.put("id", id);
      if (service.equals("common") && method.equals("authenticate")) {
        boolean known =
            args.get(0).getStringValue().equals(DATABASE)
                && args.get(1).getStringValue().equals(USER)
                && args.get(2).getStringValue().equals(API_KEY);
        reply.put("result", known ? UID : false);
      } else if (service.equals("object") && method.equals("execute_kw")) {
        if (args.get(1).getLongValue() != UID || !args.get(2).getStringValue().equals(API_KEY)) {
          reply.put("error", error("odoo.exceptions.AccessDenied", "Access Denied"));
        } else {
          executeKw(args, reply);
        }
      } else {
        reply.put("error", error("builtins.KeyError", method));
      }
      answer(exchange, 200, reply);
    }
  }

  private void executeKw(JsonNode args, Map<String, Object> reply) {
    String model = args.get(3).getStringValue();
    String method = args.get(4).getStringValue();
    JsonNode positional = args.get(5);
    JsonNode keywords = args.get(6);
    if (method.equals("read")) {
      List<Object> result = new ArrayList<>();
      for (JsonNode idNode : positional.get(0).values()) {
        Map<String, Object> record =
            records.getOrDefault(model, Map.of()).get(idNode.getLongValue());
        if (record == null) {
          reply.put(
              "error",
              error(
                  "odoo.exceptions.MissingError",
                  "Record does not exist or has been deleted.\n(Record: "
                      + model
                      + "("
                      + idNode.getLongValue()
                      + ",), User: "
                      + UID
                      + ")"));
          return;
        }
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("id", record.get("id"));
        for (JsonNode field : keywords.get("fields").values()) {
          String name = field.getStringValue();
          if (!record.containsKey(name)) {
            reply.put(
                "error",
                error("ValueError", "Invalid field '" + name + "' on model '" + model + "'"));
            return;
          }
          read.put(name, record.get(name));
        }
        result.add(read);
      }
      reply.put("result", result);
    } else if (method.equals("fields_get")) {
      Map<String, Object> result = new LinkedHashMap<>();
      for (JsonNode field : positional.get(0).values()) {
        result.put(
            field.getStringValue(),
            fields
                .getOrDefault(model, Map.of())
                .getOrDefault(field.getStringValue(), Map.of("type", "char")));
      }
      reply.put("result", result);
    } else {
      reply.put("error", error("AttributeError", "no method " + method));
    }
  }

  private static Map<String, Object> error(String name, String message) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name", name);
    data.put("debug", "Traceback (most recent call last):\n...");
    data.put("message", message);
    data.put("arguments", List.of(message));
    data.put("context", Map.of());
    return Map.of("code", 200, "message", "Odoo Server Error", "data", data);
  }

  private void answer(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
