package io.printrelay.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on: processors, CPU model, JVM. */
record Machine(int processors, String cpuModel, String jvm) {

  static Machine current() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        readCpuModel(),
        System.getProperty("java.vm.name") + " " + Runtime.version());
  }

  @Override
  public String toString() {
    return "nproc " + processors + ", " + cpuModel + ", " + jvm;
  }

  /** The 1, 5 and 15 minute load averages: how busy the machine was apart from the bench. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return String.join(" ", fields[0], fields[1], fields[2]);
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String readCpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst()
          .orElse("unknown CPU");
    } catch (IOException | RuntimeException e) {
      return "unknown CPU (no /proc/cpuinfo)";
    }
  }
}
