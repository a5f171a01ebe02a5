package io.printrelay.function.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.printrelay.function.config.ApiKeySettings;
import io.printrelay.function.config.ApiKeysJson;
import io.printrelay.function.config.PrintrelaySettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured API keys, from {@code printrelay.api-keys} and {@code printrelay.api-keys-json}
 * (named, with roles and capabilities) and {@code printrelay.api-keys-sha256} (bare hashes,
 * integration role, named key-1, key-2, …).
 *
 * <p>Only hashes are configured and compared: a leaked configuration or log reveals no key. The
 * comparison is {@link MessageDigest#isEqual}, constant-time, over every configured key, so the
 * time taken says nothing about which key or how much of it matched.
 */
// @Context: a misconfigured key fails the start (a Lambda init error), not the first request.
@Context
public class ApiKeyRegistry {
  private static final HexFormat HEX = HexFormat.of();
  // The scope resumes claimed their parent job under before resumedAs (actions.FollowUpJobs).
  private static final String RESUME_SCOPE = "job-resume";

  private final List<ApiKey> keys;
  private final Set<String> ambiguousNames;

  /**
   * @param namedJson {@link ApiKeysJson}: named keys as the Lambda gets them
   */
  public ApiKeyRegistry(
      List<ApiKeySettings> named,
      PrintrelaySettings settings,
      @Nullable @Property(name = ApiKeysJson.PROPERTY) String namedJson,
      JsonMapper json) {
    List<ApiKey> all = new ArrayList<>();
    List<ApiKeySettings> allNamed = new ArrayList<>(named);
    allNamed.addAll(ApiKeysJson.parse(namedJson, json));
    for (ApiKeySettings key : allNamed) {
      all.add(
          new ApiKey(
              key.name(), parseHash(key.name(), key.sha256()), roles(key), capabilities(key)));
    }
    all.addAll(bareHashes(settings.apiKeysSha256()));
    this.keys = List.copyOf(all);
    this.ambiguousNames = ambiguousNames(keys);
  }

  /** The key whose hash matches the presented secret, if any. */
  public Optional<ApiKey> match(String presentedKey) {
    byte[] presented = sha256(presentedKey);
    ApiKey found = null;
    for (ApiKey key : keys) {
      if (MessageDigest.isEqual(key.sha256(), presented) && found == null) {
        found = key;
      }
    }
    return Optional.ofNullable(found);
  }

  public List<ApiKey> keys() {
    return keys;
  }

  /**
   * Where the key's Idempotency-Keys were claimed before they were scoped by its hash: under its
   * name, {@code IDEMPOTENCY#{name}#{key}} (docs/api.md#idempotency). Empty where that spelling
   * could be another's claim: a name holding {@code #}, given to two keys, followed by {@code #} at
   * the start of another key's name, or the scope resumes were claimed under. Assumes the names
   * meant the same keys then as now.
   */
  public Optional<String> legacyScope(ApiKey key) {
    return ambiguousNames.contains(key.name()) ? Optional.empty() : Optional.of(key.name());
  }

  private static Set<String> ambiguousNames(List<ApiKey> keys) {
    Set<String> seen = new HashSet<>();
    Set<String> ambiguous = new HashSet<>(Set.of(RESUME_SCOPE));
    for (ApiKey key : keys) {
      String name = key.name();
      if (name.contains("#") || !seen.add(name)) {
        ambiguous.add(name);
      }
      // "odoo#x" + "#k" spells "odoo" + "#x#k".
      int hash = name.indexOf('#');
      while (hash >= 0) {
        ambiguous.add(name.substring(0, hash));
        hash = name.indexOf('#', hash + 1);
      }
    }
    return ambiguous;
  }

  /** The hex SHA-256 of a key: what `printrelay local` and deployments put in configuration. */
  public static String sha256Hex(String key) {
    return HEX.formatHex(sha256(key));
  }

  // A misspelt role would silently grant nothing; refuse it at start instead.
  private static List<String> roles(ApiKeySettings key) {
    for (String role : key.roles()) {
      if (!Roles.ALL.contains(role)) {
        throw new IllegalArgumentException(
            "API key "
                + key.name()
                + ": unknown role "
                + role
                + "; roles are "
                + String.join(", ", Roles.ALL.stream().sorted().toList()));
      }
    }
    return key.roles();
  }

  // Likewise a misspelt capability: the key would be refused what it was meant to send.
  private static Set<Capability> capabilities(ApiKeySettings key) {
    Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
    for (String name : key.capabilities() == null ? List.<String>of() : key.capabilities()) {
      capabilities.add(
          Capability.parse(name.strip())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "API key "
                              + key.name()
                              + ": unknown capability "
                              + name
                              + "; capabilities are "
                              + String.join(
                                  ", ",
                                  Arrays.stream(Capability.values())
                                      .map(Capability::configName)
                                      .toList()))));
    }
    return capabilities;
  }

  private static List<ApiKey> bareHashes(String commaSeparated) {
    List<ApiKey> keys = new ArrayList<>();
    if (commaSeparated == null) {
      return keys;
    }
    for (String hash : commaSeparated.split(",")) {
      if (!hash.isBlank()) {
        String name = "key-" + (keys.size() + 1);
        keys.add(
            new ApiKey(name, parseHash(name, hash.strip()), List.of(Roles.INTEGRATION), Set.of()));
      }
    }
    return keys;
  }

  private static byte[] parseHash(String name, String hex) {
    if (hex == null || !hex.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException(
          "API key " + name + ": expected 64 hex digits (a SHA-256 hash), not the key itself");
    }
    return HEX.parseHex(hex.toLowerCase());
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
