package io.printrelay.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * What the browser tests (the web view in headless Chromium) need before they start, in one place
 * for every module that has them. On CI ({@code CI=true}, which {@code .ci/run} sets) a missing
 * browser fails the run, so the web view is never silently left untested; on a developer's machine
 * the tests are skipped, saying why and how to install it.
 */
public final class BrowserRequirement {
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private BrowserRequirement() {}

  /** The chromedriver to use; call it before starting a browser (e.g. in {@code @BeforeAll}). */
  public static Path chromedriver() {
    return chromedriver(System.getenv(), CHROMEDRIVER, CHROMIUM);
  }

  /**
   * Chromium's flags for a headless run here: no sandbox (root in CI), no GPU, and no background
   * networking, whose connections this machine's closed network refuses; a fresh profile each time.
   */
  public static List<String> chromiumArguments() {
    try {
      return List.of(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--no-first-run",
          "--user-data-dir=" + Files.createTempDirectory("chromium"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Path chromedriver(Map<String, String> env, Path driver, Path browser) {
    List<Path> missing = Stream.of(driver, browser).filter(p -> !Files.isExecutable(p)).toList();
    if (missing.isEmpty()) {
      return driver;
    }
    String why =
        "browser tests need "
            + missing
            + " (apt-get install chromium chromium-driver; .ci/run installs them)";
    if (onCi(env)) {
      throw new AssertionFailedError("CI=true and " + why);
    }
    System.err.println("SKIPPED: " + why);
    throw new TestAbortedException(why);
  }

  static boolean onCi(Map<String, String> env) {
    String ci = env.get("CI");
    return ci != null && (ci.equalsIgnoreCase("true") || ci.equals("1"));
  }
}
