package io.printrelay.local.bench;

import io.printrelay.virtualprinter.VirtualPrinter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A virtual printer that notes when each label came out ({@link System#nanoTime()}): the printer,
 * not the API, says what is on paper. A label counts once its print time has elapsed. Counts and
 * label numbers are since the start or the last {@link #forget()}.
 */
final class Paper implements AutoCloseable {
  private final VirtualPrinter printer;
  private final List<Long> printedAt = new ArrayList<>();

  private Paper(String name, Duration perLabel) {
    this.printer =
        VirtualPrinter.builder(name)
            .perLabel(perLabel)
            .onPrinted((number, format) -> noteNow())
            .start();
  }

  static Paper start(String name, Duration perLabel) {
    return new Paper(name, perLabel);
  }

  private synchronized void noteNow() {
    printedAt.add(System.nanoTime());
  }

  String name() {
    return printer.name();
  }

  /** As the agent's {@code --printers} takes it: {@code ID=HOST:PORT}. */
  String printerFlag() {
    return printer.name() + "=127.0.0.1:" + printer.port();
  }

  synchronized int count() {
    return printedAt.size();
  }

  /** Forgets the labels printed so far (a warm-up's): counting starts again from 0. */
  synchronized void forget() {
    printedAt.clear();
  }

  /** When label {@code n} (from 1) came out, if it has. */
  synchronized OptionalLong timeOf(int n) {
    return n >= 1 && n <= printedAt.size()
        ? OptionalLong.of(printedAt.get(n - 1))
        : OptionalLong.empty();
  }

  /** When each label came out, in order. */
  synchronized long[] times() {
    return printedAt.stream().mapToLong(Long::longValue).toArray();
  }

  /** The first label out after {@code nanos}, if any. */
  synchronized OptionalLong firstAfter(long nanos) {
    return printedAt.stream().mapToLong(Long::longValue).filter(t -> t > nanos).findFirst();
  }

  @Override
  public void close() {
    printer.close();
  }
}
