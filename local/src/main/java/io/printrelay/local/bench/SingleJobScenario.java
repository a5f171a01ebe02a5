package io.printrelay.local.bench;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Scenarios a and b: one printer, one job, the agent's cloud a given round trip away. How long from
 * the submit's answer to the last label on paper, against the printer's own time, and how far the
 * API's count strays from the paper's on the way.
 */
final class SingleJobScenario {
  private SingleJobScenario() {}

  static Column run(
      BenchStack stack, AgentUnderTest agent, BenchPlan plan, String letter, Duration roundTrip) {
    int labels = plan.singleJobLabels();
    Column column =
        new Column(
            letter + ": " + labels + " labels, 1 printer",
            Figures.millis(roundTrip) + " to the cloud");
    stack.proxies().roundTrip(roundTrip);
    try {
      Paper paper = agent.printer(0);
      agent.startMeasuring();
      BenchApi.Submitted job = stack.api().submit(paper.name(), labels);
      long deadline = job.answeredAt() + plan.singleJobLimit().toNanos();
      boolean finished;
      try (LagWatch watch = LagWatch.start(stack.api(), job.jobId(), paper)) {
        finished = Waits.until(deadline, () -> paper.count() >= labels && watch.finished());
        Waits.sleepMillis(1_000); // the agent's last writes after the job: delete the message
        column.apiLag(watch);
      }
      column.usage(agent.usage(), paper.count());
      onPaper(column, plan, paper, labels, job.answeredAt(), finished);
      if (!finished) {
        agent.cancelUnfinished(List.of(job.jobId()));
      }
    } finally {
      stack.proxies().roundTrip(Duration.ZERO);
    }
    return column;
  }

  private static void onPaper(
      Column column, BenchPlan plan, Paper paper, int labels, long answeredAt, boolean finished) {
    OptionalLong last = paper.timeOf(labels);
    OptionalLong first = paper.timeOf(1);
    column.put(Row.PRINTER_ALONE, Figures.seconds(plan.printerTime(labels)));
    column.put(
        Row.FIRST_LABEL,
        first.isPresent()
            ? Figures.seconds(first.getAsLong() - answeredAt)
            : "none in " + plan.singleJobLimit().toSeconds() + " s");
    if (last.isPresent()) {
      long took = last.getAsLong() - answeredAt;
      column.put(Row.LAST_LABEL, Figures.seconds(took) + (finished ? "" : " (API not done)"));
      column.put(
          Row.RATE,
          Figures.rate(labels / (took / 1e9))
              + " ("
              + Figures.rate(1000.0 / plan.perLabel().toMillis())
              + ")");
    } else {
      column.put(
          Row.LAST_LABEL,
          "not finished in "
              + plan.singleJobLimit().toSeconds()
              + " s ("
              + paper.count()
              + " of "
              + labels
              + ")");
    }
  }
}
