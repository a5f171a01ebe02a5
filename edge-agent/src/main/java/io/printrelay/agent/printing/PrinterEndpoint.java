package io.printrelay.agent.printing;

import io.printrelay.model.PrinterId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A printer this agent serves: its id (the jobs' {@code printerId} and the FIFO message group) and
 * where it listens for raw TCP, usually port 9100.
 */
public record PrinterEndpoint(String id, String host, int port) {
  public PrinterEndpoint {
    Objects.requireNonNull(id, "printer id");
    Objects.requireNonNull(host, "printer host");
    // The API's rule (docs/api.md#submit): a printer it would refuse could never get a job.
    if (!PrinterId.isValid(id)) {
      throw new IllegalArgumentException("printer id '" + id + "' must be " + PrinterId.RULE);
    }
    if (host.isBlank()) {
      throw new IllegalArgumentException("printer " + id + " needs a host");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("printer " + id + ": port " + port + " is not 1-65535");
    }
  }

  /**
   * Parses {@code ID=HOST:PORT[,ID=HOST:PORT...]}, as {@code --printers} takes it. The port
   * defaults to 9100; an IPv6 host is bracketed ({@code line-2=[fe80::1]:9100}).
   *
   * @throws IllegalArgumentException naming the entry that is wrong
   */
  public static List<PrinterEndpoint> parseList(String list) {
    List<PrinterEndpoint> printers = new ArrayList<>();
    for (String entry : list.split(",")) {
      if (!entry.isBlank()) {
        printers.add(parse(entry.trim()));
      }
    }
    return printers;
  }

  private static PrinterEndpoint parse(String entry) {
    int eq = entry.indexOf('=');
    if (eq < 1) {
      throw new IllegalArgumentException("printer '" + entry + "' must be ID=HOST:PORT");
    }
    String id = entry.substring(0, eq).trim();
    String address = entry.substring(eq + 1).trim();
    int colon = address.lastIndexOf(':');
    boolean hasPort = colon > address.lastIndexOf(']');
    String host = hasPort ? address.substring(0, colon) : address;
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      return new PrinterEndpoint(
          id, host, hasPort ? Integer.parseInt(address.substring(colon + 1)) : 9100);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "printer " + id + ": port in '" + address + "' is not a number");
    }
  }

  @Override
  public String toString() {
    return id + "=" + host + ":" + port;
  }
}
