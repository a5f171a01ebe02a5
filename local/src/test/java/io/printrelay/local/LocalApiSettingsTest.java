package io.printrelay.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.testing.SharedEmbeddedAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalApiSettingsTest {
  @TempDir Path dataDir;

  @Test
  void theIntakeSecretKeyIsKeptUnderTheDataDirSoSealedOdooKeysOpenAfterARestart() throws Exception {
    LocalOptions options =
        new LocalOptions(
            0, 0, 0, dataDir, "key", "password", List.of(), 1, 5, false, false, "127.0.0.1");

    Map<String, Object> first = LocalApiSettings.properties(options, SharedEmbeddedAws.get());
    Map<String, Object> second = LocalApiSettings.properties(options, SharedEmbeddedAws.get());

    String key = (String) first.get("printrelay.intake.secret-key");
    assertThat(key)
        .hasSizeGreaterThanOrEqualTo(32)
        .isEqualTo(second.get("printrelay.intake.secret-key"));
    assertThat(key).isNotEqualTo(first.get("printrelay.session.secret"));
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve("intake-secret"))))
        .isEqualTo("rw-------");
  }
}
