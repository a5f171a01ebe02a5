package io.printrelay.agent.status;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The agent's build version, as Maven wrote it into {@code version.properties}. */
public final class AgentVersion {
  private static final String UNKNOWN = "unknown";

  private AgentVersion() {}

  public static String get() {
    Properties properties = new Properties();
    try (InputStream in = AgentVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return UNKNOWN;
      }
      properties.load(in);
    } catch (IOException e) {
      return UNKNOWN;
    }
    String version = properties.getProperty("version", UNKNOWN).trim();
    // Unfiltered (classes not built by Maven): no version to tell.
    return version.isEmpty() || version.startsWith("${") ? UNKNOWN : version;
  }
}
