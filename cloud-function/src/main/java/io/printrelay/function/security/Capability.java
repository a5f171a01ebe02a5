package io.printrelay.function.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an API key may put in a label beyond the label itself, given explicitly per key in {@code
 * printrelay.api-keys[i].capabilities} (docs/api.md#printer-commands). A key has none unless
 * configured: commands that change a printer for every later label, or bytes no one can check, are
 * trusted to named keys only.
 */
public enum Capability {
  /**
   * ZPL commands that change the printer beyond the label: saved settings, network, passwords,
   * stored files, resets ({@code io.printrelay.zpl.ZplCommands.Kind#PRINTER_CONFIG}).
   */
  PRINTER_CONFIG("printer-config"),

  /** {@code raw} labels: bytes in any printer language, sent unchecked. */
  RAW("raw");

  private final String configName;

  Capability(String configName) {
    this.configName = configName;
  }

  /** As written in configuration and in messages. */
  public String configName() {
    return configName;
  }

  public static Optional<Capability> parse(String configName) {
    return Arrays.stream(values()).filter(c -> c.configName.equals(configName)).findFirst();
  }
}
