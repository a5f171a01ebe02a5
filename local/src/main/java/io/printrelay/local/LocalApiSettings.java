package io.printrelay.local;

import io.printrelay.embedded.EmbeddedAws;
import io.printrelay.function.security.ApiKeyRegistry;
import io.printrelay.function.security.PasswordHashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** The cloud function's configuration for a local run: embedded endpoints, the local keys. */
final class LocalApiSettings {
  private LocalApiSettings() {}

  static Map<String, Object> properties(LocalOptions options, EmbeddedAws aws) {
    Map<String, Object> p = new LinkedHashMap<>();
    // Micronaut picks a free port for -1; the tests use that.
    p.put("micronaut.server.port", options.httpPort() == 0 ? -1 : options.httpPort());
    p.put("micronaut.server.host", options.bind());
    p.put("printrelay.table", LocalSystem.TABLE);
    p.put("printrelay.queue-prefix", LocalSystem.QUEUES.prefix());
    p.put("printrelay.aws.region", EmbeddedAws.REGION.id());
    p.put("printrelay.aws.sqs-endpoint", aws.sqsEndpoint().toString());
    p.put("printrelay.aws.dynamodb-endpoint", aws.dynamoDbEndpoint().toString());
    // Only the hash is configured, as in AWS: the key itself is never stored.
    p.put("printrelay.api-keys[0].name", "local");
    p.put("printrelay.api-keys[0].sha256", ApiKeyRegistry.sha256Hex(options.apiKey()));
    p.put("printrelay.api-keys[0].roles", "integration");
    p.put("printrelay.dispatch-sweep.enabled", true);
    // The Odoo a developer tries it with runs on this machine or the LAN.
    p.put("printrelay.outbound.allow-private-addresses", true);
    p.put("printrelay.operators[0].username", "operator");
    p.put("printrelay.operators[0].password-hash", PasswordHashes.hash(options.operatorPassword()));
    p.put("printrelay.operators[0].role", "operator");
    if (options.dataDir() != null) {
      // Kept under --data-dir so that a restart does not sign operators out, nor leave the intake
      // profiles' Odoo API keys sealed under a key no longer known.
      p.put("printrelay.session.secret", secret(options.dataDir(), "session-secret"));
      p.put("printrelay.intake.secret-key", secret(options.dataDir(), "intake-secret"));
    } else {
      p.put("printrelay.intake.secret-key", random());
    }
    return p;
  }

  private static String random() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  static String secret(Path dataDir, String name) {
    Path file = dataDir.resolve(name);
    try {
      if (Files.exists(file)) {
        return Files.readString(file).strip();
      }
      Files.createDirectories(dataDir);
      String secret = random();
      Files.writeString(file, secret);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // best effort on non-POSIX file systems
      }
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the secret " + name + " in " + file, e);
    }
  }
}
