package io.printrelay.function.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Odoo server's external APIs over real HTTP.
 *
 * <p>JSON-RPC, as Odoo 17 answers it at {@code POST /jsonrpc}: {@code common.authenticate} answers
 * the user's id or false; {@code object.execute_kw} runs {@code read} (a many2one reads as {@code
 * [id, "display name"]}, a record that does not exist raises MissingError) and {@code fields_get};
 * a wrong API key raises AccessDenied, in Odoo's error shape.
 *
 * <p>JSON-2, as Odoo 19 answers it at {@code POST /json/2/{model}/{method}}
 * (https://www.odoo.com/documentation/19.0/developer/reference/external_api.html): the database is
 * the one {@code X-Odoo-Database} names, or the only one served; none chosen, Odoo serves no {@code
 * /json/2} (an HTML 404). The API key comes as {@code Authorization: bearer <key>} (401 with {@code
 * werkzeug.exceptions.Unauthorized} otherwise). Arguments come by name and are checked against the
 * method's ({@code read(fields, load)}, {@code fields_get(allfields, attributes)}, no ids for the
 * latter): 422 otherwise; an unknown model or method is a 404. {@code read} leaves out records that
 * do not exist, as Odoo's does; a field the model lacks raises ValueError, a 500. A success is the
 * bare result; an error is Odoo's error object.
 */
final class FakeOdoo implements AutoCloseable {
  static final String DATABASE = "commissary";
  static final String USER = "printrelay@example.com";
  static final String API_KEY = "0d0o-api-key-7f3a";
  static final long UID = 7;

  /** How Odoo reads the header (ir.http's bearer authentication). */
  private static final Pattern BEARER =
      Pattern.compile("^bearer\\s+(.+)$", Pattern.CASE_INSENSITIVE);

  private static final Map<String, Set<String>> JSON2_PARAMETERS =
      Map.of("read", Set.of("fields", "load"), "fields_get", Set.of("allfields", "attributes"));

  private final JsonMapper json;
  private final HttpServer server;
  private final Map<String, Map<Long, Map<String, Object>>> records = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Map<String, Object>>> fields = new ConcurrentHashMap<>();
  final List<String> calls = new CopyOnWriteArrayList<>();

  /** The databases the server hosts: JSON-2 needs X-Odoo-Database once there are several. */
  final Set<String> databases = ConcurrentHashMap.newKeySet();

  volatile boolean down;

  FakeOdoo(JsonMapper json) throws IOException {
    this.json = json;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/jsonrpc", this::handle);
    server.createContext("/json/2", this::json2);
    databases.add(DATABASE);
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

  private void json2(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (down) {
        answer(exchange, 502, Map.of("error", "bad gateway"));
        return;
      }
      String database = exchange.getRequestHeaders().getFirst("X-Odoo-Database");
      if (database == null ? databases.size() != 1 : !databases.contains(database)) {
        html(exchange, 404, "Not Found");
        return;
      }
      String[] path = exchange.getRequestURI().getPath().split("/");
      if (path.length != 5 || !exchange.getRequestMethod().equals("POST")) {
        answer(exchange, 404, notFound("Did you mean POST /json/2/<model>/<method>?"));
        return;
      }
      String model = path[3];
      String method = path[4];
      calls.add("/json/2/" + model + "/" + method);
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      Matcher bearer = BEARER.matcher(authorization == null ? "" : authorization);
      if (!bearer.matches() || !bearer.group(1).equals(API_KEY)) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "bearer");
        answer(
            exchange,
            401,
            json2Error(
                "werkzeug.exceptions.Unauthorized", "Invalid apikey", "Invalid apikey", 401));
        return;
      }
      JsonNode body = json.readValue(exchange.getRequestBody().readAllBytes(), JsonNode.class);
      json2Call(exchange, model, method, body);
    }
  }

  private void json2Call(HttpExchange exchange, String model, String method, JsonNode body)
      throws IOException {
    if (!records.containsKey(model) && !fields.containsKey(model)) {
      answer(exchange, 404, notFound("the model '" + model + "' does not exist"));
      return;
    }
    Set<String> parameters = JSON2_PARAMETERS.get(method);
    if (parameters == null) {
      answer(exchange, 404, notFound("The method '" + model + "." + method + "' does not exist"));
      return;
    }
    JsonNode ids = body.get("ids");
    if (method.equals("fields_get") && ids != null && ids.size() > 0) {
      answer(exchange, 422, unprocessable("cannot call " + model + "." + method + " with ids"));
      return;
    }
    for (Map.Entry<String, JsonNode> argument : body.entries()) {
      String name = argument.getKey();
      if (!name.equals("ids") && !name.equals("context") && !parameters.contains(name)) {
        answer(exchange, 422, unprocessable("got an unexpected keyword argument '" + name + "'"));
        return;
      }
    }
    Set<String> known = new HashSet<>(fields.getOrDefault(model, Map.of()).keySet());
    records.getOrDefault(model, Map.of()).values().forEach(record -> known.addAll(record.keySet()));
    // Both methods take all fields when none are named.
    JsonNode named = body.get(method.equals("read") ? "fields" : "allfields");
    List<String> wanted = new ArrayList<>();
    if (named == null) {
      wanted.addAll(known);
    } else {
      named.values().forEach(field -> wanted.add(field.getStringValue()));
    }
    if (method.equals("fields_get")) {
      Map<String, Object> result = new LinkedHashMap<>();
      wanted.forEach(field -> result.put(field, fieldOf(model, field)));
      answer(exchange, 200, result);
      return;
    }
    for (String field : wanted) {
      if (!known.contains(field)) {
        String message = "Invalid field '" + field + "' on model '" + model + "'";
        answer(exchange, 500, json2Error("builtins.ValueError", message));
        return;
      }
    }
    List<Object> result = new ArrayList<>();
    for (JsonNode id : ids == null ? List.<JsonNode>of() : ids.values()) {
      Map<String, Object> record = records.getOrDefault(model, Map.of()).get(id.getLongValue());
      if (record != null) {
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("id", record.get("id"));
        wanted.forEach(field -> read.put(field, record.get(field)));
        result.add(read);
      }
    }
    answer(exchange, 200, result);
  }

  private Map<String, Object> fieldOf(String model, String field) {
    return fields.getOrDefault(model, Map.of()).getOrDefault(field, Map.of("type", "char"));
  }

  private static Map<String, Object> notFound(String description) {
    return json2Error("werkzeug.exceptions.NotFound", description, description, 404);
  }

  private static Map<String, Object> unprocessable(String description) {
    return json2Error("werkzeug.exceptions.UnprocessableEntity", description, description, 422);
  }

  /** Odoo's JSON-2 error object: an HTTP error's arguments are its description and status. */
  private static Map<String, Object> json2Error(String name, String message, Object... arguments) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("name", name);
    error.put("message", message);
    error.put("arguments", arguments.length == 0 ? List.of(message) : List.of(arguments));
    error.put("context", Map.of());
    error.put("debug", "Traceback (most recent call last):\n...");
    return error;
  }

  private static void html(HttpExchange exchange, int status, String title) throws IOException {
    byte[] bytes =
        ("<!doctype html><title>" + status + " " + title + "</title><h1>" + title + "</h1>")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
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
