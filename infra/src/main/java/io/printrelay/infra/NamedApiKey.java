package io.printrelay.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of the {@code apiKeys} context: an API key known by name, with the roles and
 * capabilities of the function's {@code printrelay.api-keys[i]} (README, Configuration), given only
 * as the SHA-256 of the key. The function gets the list as {@code PRINTRELAY_API_KEYS_JSON}.
 *
 * @param sha256 lower-case hex SHA-256 of the key; the key itself never reaches CloudFormation
 * @param roles what the key may do; empty for the function's default, {@code integration}
 * @param capabilities what its labels may carry beyond a label (docs/api.md#printer-commands)
 */
public record NamedApiKey(
    String name, String sha256, List<String> roles, List<String> capabilities) {

  // The function's role and capability names (security.Roles, security.Capability; the infra
  // tests compare them), so a misspelt one fails the synth rather than the function's start.
  static final Set<String> ROLES = Set.of("integration", "operator", "viewer");
  static final Set<String> CAPABILITIES = Set.of("printer-config", "raw");

  static final String CONTEXT = "apiKeys";
  private static final String EXPECTED =
      "a JSON list of {\"name\": ..., \"sha256\": ..., \"roles\": [...], \"capabilities\": [...]}"
          + " (roles and capabilities optional)";
  private static final Set<String> FIELDS = Set.of("name", "sha256", "roles", "capabilities");
  // Shown in logs and /v1/me: the characters of an operator's user name.
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
  private static final ObjectMapper JSON = new ObjectMapper();

  public NamedApiKey {
    roles = List.copyOf(roles);
    capabilities = List.copyOf(capabilities);
  }

  /**
   * The entries of the {@code apiKeys} context: a JSON text as {@code cdk deploy -c} passes it, or
   * the list itself from {@code cdk.json}. Errors name an entry by its position, never echo it: a
   * mistaken entry may hold a key instead of its hash.
   */
  static List<NamedApiKey> fromContext(Object value) {
    if (value == null || value instanceof String text && text.isBlank()) {
      return List.of();
    }
    JsonNode list;
    try {
      list = value instanceof String text ? JSON.readTree(text) : JSON.valueToTree(value);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // Not chained: the parser's message quotes the text.
      throw PrintrelaySettings.invalid(CONTEXT, "its value", EXPECTED);
    }
    PrintrelaySettings.require(list.isArray(), CONTEXT, "its value", EXPECTED);
    List<NamedApiKey> keys = new ArrayList<>();
    for (JsonNode entry : list) {
      keys.add(entry(entry, "entry " + (keys.size() + 1)));
    }
    return keys;
  }

  /** The list as the function reads it, compact: each entry's given fields only. */
  static String json(List<NamedApiKey> keys) {
    ArrayNode list = JSON.createArrayNode();
    for (NamedApiKey key : keys) {
      ObjectNode entry = list.addObject().put("name", key.name).put("sha256", key.sha256);
      if (!key.roles.isEmpty()) {
        key.roles.forEach(entry.putArray("roles")::add);
      }
      if (!key.capabilities.isEmpty()) {
        key.capabilities.forEach(entry.putArray("capabilities")::add);
      }
    }
    try {
      return JSON.writeValueAsString(list);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings is always JSON", e);
    }
  }

  private static NamedApiKey entry(JsonNode entry, String where) {
    PrintrelaySettings.require(entry.isObject(), CONTEXT, where, EXPECTED);
    entry
        .fieldNames()
        .forEachRemaining(
            field ->
                // A misspelt field ("capabilites") would silently grant nothing.
                PrintrelaySettings.require(
                    FIELDS.contains(field),
                    CONTEXT,
                    where,
                    "only the fields name, sha256, roles, capabilities"));
    JsonNode name = entry.path("name");
    PrintrelaySettings.require(
        name.isTextual() && NAME.matcher(name.asText()).matches(),
        CONTEXT,
        where,
        "a name of 1-64 of A-Z a-z 0-9 . _ @ -");
    JsonNode sha256 = entry.path("sha256");
    PrintrelaySettings.require(
        sha256.isTextual() && SHA256_HEX.matcher(sha256.asText()).matches(),
        CONTEXT,
        where,
        "sha256: 64 hex digits (the SHA-256 of the key, not the key: printf %s KEY | sha256sum)");
    return new NamedApiKey(
        name.asText(),
        sha256.asText().toLowerCase(Locale.ROOT),
        names(entry.path("roles"), ROLES, where, "roles"),
        names(entry.path("capabilities"), CAPABILITIES, where, "capabilities"));
  }

  // Absent: none. Given: a list of known names, each once; roles not empty (the key could do
  // nothing).
  private static List<String> names(JsonNode list, Set<String> known, String where, String field) {
    if (list.isMissingNode() || list.isNull()) {
      return List.of();
    }
    String expected =
        field
            + ": a list of "
            + String.join(", ", known.stream().sorted().toList())
            + (field.equals("roles") ? ", at least one" : "")
            + ", each once";
    PrintrelaySettings.require(
        list.isArray() && (!field.equals("roles") || !list.isEmpty()), CONTEXT, where, expected);
    List<String> names = new ArrayList<>();
    for (JsonNode name : list) {
      PrintrelaySettings.require(
          name.isTextual() && known.contains(name.asText()) && !names.contains(name.asText()),
          CONTEXT,
          where,
          expected);
      names.add(name.asText());
    }
    return names;
  }
}
