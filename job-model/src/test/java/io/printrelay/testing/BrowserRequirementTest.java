package io.printrelay.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class BrowserRequirementTest {
  @TempDir Path dir;

  @Test
  void onCiAMissingBrowserFailsTheTest() {
    Path missing = dir.resolve("chromedriver");

    assertThatThrownBy(
            () -> BrowserRequirement.chromedriver(Map.of("CI", "true"), missing, missing))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("CI=true")
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("apt-get install chromium chromium-driver");
  }

  @Test
  void elsewhereAMissingBrowserSkipsTheTestSayingWhy() throws IOException {
    Path driver = executable("chromedriver");
    Path missing = dir.resolve("chromium");

    assertThatThrownBy(() -> BrowserRequirement.chromedriver(Map.of(), driver, missing))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageNotContaining(driver.toString());
    assertThatThrownBy(
            () -> BrowserRequirement.chromedriver(Map.of("CI", "false"), driver, missing))
        .isInstanceOf(TestAbortedException.class);
  }

  @Test
  void withBothInstalledItAnswersTheDriver() throws IOException {
    Path driver = executable("chromedriver");
    Path browser = executable("chromium");

    assertThat(BrowserRequirement.chromedriver(Map.of("CI", "true"), driver, browser))
        .isEqualTo(driver);
  }

  private Path executable(String name) throws IOException {
    return Files.createFile(
        dir.resolve(name),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
  }
}
