package io.printrelay.agent.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link AgentStatus} as {@code printrelay agent status} prints it: a few lines, then a table. */
public final class StatusTable {
  private static final List<String> HEADER =
      List.of("PRINTER", "ADDRESS", "STATE", "JOB", "LABEL", "LEASE", "DETAIL");

  private StatusTable() {}

  /**
   * @param now to say how long the cloud has been away
   */
  public static String render(AgentStatus status, Instant now) {
    StringBuilder out = new StringBuilder();
    List<List<String>> summary = new ArrayList<>();
    summary.add(
        List.of("agent", or(status.agentId()) + "  (version " + or(status.version()) + ")"));
    summary.add(List.of("cloud", cloud(status.cloud(), now)));
    summary.add(
        List.of(
            "to sync",
            status.labelsWaitingToSync()
                + (status.labelsWaitingToSync() == 1 ? " label" : " labels")
                + " not yet in the table"));
    align(summary, out);
    out.append('\n');
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (AgentStatus.Printer printer : status.printers()) {
      rows.add(
          List.of(
              or(printer.id()),
              address(printer),
              or(printer.state()),
              or(printer.currentJob()),
              label(printer),
              printer.leaseHeld() ? "held" : "standby",
              or(printer.detail())));
    }
    align(rows, out);
    return out.toString();
  }

  private static String cloud(AgentStatus.Cloud cloud, Instant now) {
    if (cloud.reachable()) {
      return "reachable";
    }
    if (cloud.downSince() == null) {
      return "unreachable";
    }
    Duration away = Duration.between(cloud.downSince(), now);
    return "unreachable since "
        + cloud.downSince()
        + (away.isNegative() ? "" : " (" + duration(away) + ")");
  }

  static String duration(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
  }

  private static String address(AgentStatus.Printer printer) {
    if (printer.host() == null) {
      return "-";
    }
    String host = printer.host().contains(":") ? "[" + printer.host() + "]" : printer.host();
    return host + ":" + printer.port();
  }

  private static String label(AgentStatus.Printer printer) {
    if (printer.currentLabel() == null) {
      return "-";
    }
    return printer.currentJobLabels() == null
        ? String.valueOf(printer.currentLabel())
        : printer.currentLabel() + " of " + printer.currentJobLabels();
  }

  private static String or(String value) {
    return value == null || value.isEmpty() ? "-" : value;
  }

  /** Each column as wide as its widest cell, two spaces apart; no trailing blanks. */
  private static void align(List<List<String>> rows, StringBuilder out) {
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(row.get(i));
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }
}
