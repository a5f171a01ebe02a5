package io.printrelay.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Linux's /proc/PID/status ("Name: 123 kB" lines) and its peak-memory reset. */
final class ProcStatus {
  private ProcStatus() {}

  /** The field's value in KiB, or -1 when the process or the field is not there. */
  static long kib(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
        }
      }
      return -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Writes 5 to /proc/PID/clear_refs: VmHWM starts again from the current VmRSS. Best effort. */
  static void resetPeak(long pid) {
    try {
      Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
    } catch (IOException | RuntimeException e) {
      // an older kernel or another OS: the peak then counts from the process's start
    }
  }
}
