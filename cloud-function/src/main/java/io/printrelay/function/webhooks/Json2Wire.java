package io.printrelay.function.webhooks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Odoo 19's external JSON-2 API ({@code POST {url}/json/2/{model}/{method}}): the API key as bearer
 * token names the user, so there is nothing to authenticate first; {@code X-Odoo-Database} names
 * the database where the server hosts several; the body holds the method's arguments by name, and a
 * success is the method's return value as it is. Errors come as HTTP statuses with Odoo's error
 * object ({@code name}, {@code message}, ...), see
 * https://www.odoo.com/documentation/19.0/developer/reference/external_api.html.
 */
final class Json2Wire implements OdooWire {
  /** Odoo 19 answers it with 404, as it answers an unknown model or method. */
  static final String MISSING_ERROR = "odoo.exceptions.MissingError";

  private final OdooHttp http;
  private final ProfileSettings.OdooConnection odoo;
  private final String apiKey;

  Json2Wire(OdooHttp http, ProfileSettings.OdooConnection odoo, String apiKey) {
    this.http = http;
    this.odoo = odoo;
    this.apiKey = apiKey;
  }

  @Override
  public @Nullable JsonNode read(String model, long id, Set<String> fields)
      throws OdooReader.Unreachable, OdooReader.Refused {
    String call = model + "/read";
    OdooHttp.Answer answer =
        post(
            call,
            Map.of(
                "ids", JsonNode.createArrayNode(List.of(JsonNode.createNumberNode(id))),
                "fields", OdooWire.strings(fields)));
    // read leaves out records that do not exist; one deleted while it reads raises MissingError.
    if (missing(answer)) {
      return null;
    }
    JsonNode records = result(answer, odoo.url(), odoo.user(), call);
    return records.isArray() && records.size() > 0 ? records.get(0) : null;
  }

  @Override
  public JsonNode fieldsGet(String model, Set<String> fields)
      throws OdooReader.Unreachable, OdooReader.Refused {
    String call = model + "/fields_get";
    OdooHttp.Answer answer =
        post(
            call,
            Map.of(
                "allfields", OdooWire.strings(fields),
                "attributes", OdooWire.strings(List.of("type", "relation"))));
    return result(answer, odoo.url(), odoo.user(), call);
  }

  private OdooHttp.Answer post(String call, Map<String, JsonNode> arguments)
      throws OdooReader.Unreachable, OdooReader.Refused {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "bearer " + apiKey);
    if (odoo.database() != null) {
      headers.put("X-Odoo-Database", odoo.database());
    }
    return http.post(odoo.url(), "json/2/" + call, headers, JsonNode.createObjectNode(arguments));
  }

  static boolean missing(OdooHttp.Answer answer) {
    return answer.status() == 404 && MISSING_ERROR.equals(field(answer.body(), "name"));
  }

  /**
   * The method's return value, or what the answer says went wrong: no answer worth reading (a
   * timeout, too many requests, a server or proxy error) is worth trying again; any other error
   * (401 a wrong or expired key, 403 no access, 404 no such model or method, 422 a bad argument)
   * will not mend by itself.
   */
  static JsonNode result(OdooHttp.Answer answer, String url, String user, String call)
      throws OdooReader.Unreachable, OdooReader.Refused {
    int status = answer.status();
    String error = error(answer.body());
    if (status == 200 && answer.body() != null) {
      return answer.body();
    }
    if (status == 200 || status < 400 || status == 408 || status == 429 || status >= 500) {
      throw new OdooReader.Unreachable(
          "Odoo at "
              + url
              + " answered HTTP "
              + status
              + (error == null ? " with no JSON" : " (" + error + ")")
              + " to "
              + call);
    }
    if (status == 401) {
      throw new OdooReader.Refused(
          "the API key of " + user + " (HTTP 401" + (error == null ? "" : ", " + error) + ")");
    }
    if (error == null) {
      // Before Odoo's dispatcher: no /json/2 (Odoo before 19), or no database chosen.
      throw new OdooReader.Refused(
          "HTTP "
              + status
              + " to /json/2/"
              + call
              + " with no Odoo error: JSON-2 needs Odoo 19 or later, and odoo.database where"
              + " the server hosts several databases");
    }
    throw new OdooReader.Refused(error + " (HTTP " + status + " to " + call + ")");
  }

  /** Odoo's error as {@code name: message}; a bare JSON string as it is. */
  private static @Nullable String error(@Nullable JsonNode body) {
    if (body != null && body.isString()) {
      return body.getStringValue();
    }
    String name = field(body, "name");
    String message = field(body, "message");
    if (name == null && message == null) {
      return null;
    }
    return name == null ? message : message == null ? name : name + ": " + message;
  }

  private static @Nullable String field(@Nullable JsonNode body, String name) {
    JsonNode value = body == null || !body.isObject() ? null : body.get(name);
    return value != null && value.isString() ? value.getStringValue() : null;
  }
}
