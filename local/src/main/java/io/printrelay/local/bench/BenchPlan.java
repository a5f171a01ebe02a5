package io.printrelay.local.bench;

import java.time.Duration;

/**
 * How big each scenario is and how long it may take. Every wait of the bench is bounded by one of
 * these limits, so the bench ends by itself whatever the agent does.
 *
 * @param perLabel the virtual printers' print time per label
 * @param warmUpLabels a job each agent prints before it is measured, so that the figures are those
 *     of a running agent, not of one still loading classes and compiling its code
 * @param singleJobLabels the job of scenarios a and b
 * @param roundTrip the round-trip time to the cloud of scenarios b and c
 * @param singleJobLimit how long a and b may take from the submit to the last label
 * @param outageAfter labels on paper before the outage of scenario c starts
 * @param outage how long scenario c's black hole lasts
 * @param outageJobLabels long enough to be printing through the whole outage at the printer's pace
 * @param afterOutageLimit how long c waits after the outage for the API and the printer
 * @param printers the printers of scenario d, one job each
 * @param labelsPerPrinter the size of each of d's jobs
 * @param manyPrintersLimit how long d may take from the first submit to the last label
 */
record BenchPlan(
    String name,
    Duration perLabel,
    int warmUpLabels,
    int singleJobLabels,
    Duration roundTrip,
    Duration singleJobLimit,
    int outageAfter,
    Duration outage,
    int outageJobLabels,
    Duration afterOutageLimit,
    int printers,
    int labelsPerPrinter,
    Duration manyPrintersLimit) {

  static BenchPlan full() {
    return new BenchPlan(
        "full",
        Duration.ofMillis(100),
        100,
        200,
        Duration.ofMillis(60),
        Duration.ofMinutes(3),
        50,
        Duration.ofSeconds(30),
        400,
        Duration.ofMinutes(2),
        50,
        100,
        Duration.ofMinutes(5));
  }

  /** Smaller jobs, fewer printers, a shorter outage: for a first look and the tagged test. */
  static BenchPlan quick() {
    return new BenchPlan(
        "quick",
        Duration.ofMillis(100),
        10,
        30,
        Duration.ofMillis(60),
        Duration.ofMinutes(1),
        10,
        Duration.ofSeconds(5),
        80,
        Duration.ofMinutes(1),
        10,
        20,
        Duration.ofMinutes(2));
  }

  /** The printer's own time for {@code labels} labels. */
  Duration printerTime(int labels) {
    return perLabel.multipliedBy(labels);
  }

  /** Labels per second all of d's printers can print together. */
  double printersLimit() {
    return printers * 1000.0 / perLabel.toMillis();
  }
}
