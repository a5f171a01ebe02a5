package io.printrelay.function.config;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code printrelay.api-keys-json}: named keys as one JSON list, each entry the fields of a {@code
 * printrelay.api-keys[i]} entry. How the Lambda gets named keys ({@code PRINTRELAY_API_KEYS_JSON},
 * written by the CDK stack): indexed environment variables do not bind to {@code
 * printrelay.api-keys}.
 *
 * <pre>[{"name": "odoo", "sha256": "9f86…", "roles": ["integration"], "capabilities": ["raw"]}]
 * </pre>
 */
public final class ApiKeysJson {
  public static final String PROPERTY = "printrelay.api-keys-json";

  private static final String NAME = "name";
  private static final String SHA256 = "sha256";
  private static final String ROLES = "roles";
  private static final String CAPABILITIES = "capabilities";
  // A misspelt field ("capabilites") would silently grant nothing: refused at start instead.
  private static final Set<String> FIELDS = Set.of(NAME, SHA256, ROLES, CAPABILITIES);
  // As for printrelay.api-keys[i].roles (ApiKeySettings).
  private static final String DEFAULT_ROLE = "integration";

  private ApiKeysJson() {}

  /**
   * The entries, unchecked beyond their shape: the registry checks hashes, roles and capabilities
   * as it does those of {@code printrelay.api-keys}. Errors name an entry by its position, never
   * echo it: a mistaken entry may hold a key instead of its hash.
   *
   * @param json the property's value; null or blank for none
   */
  public static List<ApiKeySettings> parse(@Nullable String json, JsonMapper mapper) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    JsonNode list;
    try {
      list = mapper.readValue(json, JsonNode.class);
    } catch (IOException e) {
      // Not chained: the parser's message quotes the text, which may hold a key.
      throw invalid("not JSON");
    }
    if (list == null || !list.isArray()) {
      throw invalid("not a JSON list");
    }
    List<ApiKeySettings> keys = new ArrayList<>();
    for (JsonNode entry : list.values()) {
      keys.add(entry(entry, keys.size() + 1));
    }
    return keys;
  }

  private static ApiKeySettings entry(JsonNode entry, int position) {
    String where = "entry " + position;
    if (!entry.isObject()) {
      throw invalid(where + " is not an object");
    }
    for (Map.Entry<String, JsonNode> field : entry.entries()) {
      if (!FIELDS.contains(field.getKey())) {
        throw invalid(
            where
                + " has an unknown field "
                + field.getKey()
                + "; fields are name, sha256, roles, capabilities");
      }
    }
    List<String> roles = texts(entry, ROLES, where);
    if (roles != null && roles.isEmpty()) {
      throw invalid(where + " has no roles: leave roles out for integration");
    }
    return new ApiKeySettings(
        text(entry, NAME, where),
        text(entry, SHA256, where),
        roles == null ? List.of(DEFAULT_ROLE) : roles,
        texts(entry, CAPABILITIES, where));
  }

  private static String text(JsonNode entry, String field, String where) {
    JsonNode value = entry.get(field);
    if (value == null || !value.isString() || value.getStringValue().isBlank()) {
      throw invalid(where + " needs " + field + " as a string");
    }
    return value.getStringValue();
  }

  // Null when absent: the default applies.
  private static @Nullable List<String> texts(JsonNode entry, String field, String where) {
    JsonNode value = entry.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    List<String> texts = new ArrayList<>();
    if (value.isArray()) {
      for (JsonNode item : value.values()) {
        if (item.isString()) {
          texts.add(item.getStringValue());
        }
      }
    }
    if (!value.isArray() || texts.size() != value.size()) {
      throw invalid(where + " needs " + field + " as a list of strings");
    }
    return texts;
  }

  private static IllegalArgumentException invalid(String problem) {
    return new IllegalArgumentException(PROPERTY + ": " + problem);
  }
}
