package io.printrelay.local.bench;

import io.printrelay.local.awsproxy.BlackHole;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Scenario c: the cloud stops answering (connections accepted, nothing answered) for a while in the
 * middle of a job long enough to print through all of it. How many labels reach paper during the
 * outage, and how soon after it the API and the printer are back.
 */
final class OutageScenario {
  private OutageScenario() {}

  static Column run(BenchStack stack, AgentUnderTest agent, BenchPlan plan) {
    int labels = plan.outageJobLabels();
    Column column =
        new Column(
            "c: " + labels + " labels, 1 printer",
            Figures.millis(plan.roundTrip()) + ", " + plan.outage().toSeconds() + " s no answer",
            "after " + plan.outageAfter() + " labels");
    stack.proxies().roundTrip(plan.roundTrip());
    try {
      Paper paper = agent.printer(0);
      agent.startMeasuring();
      BenchApi.Submitted job = stack.api().submit(paper.name(), labels);
      try (LagWatch watch = LagWatch.start(stack.api(), job.jobId(), paper)) {
        long deadline = job.answeredAt() + plan.singleJobLimit().toNanos();
        if (Waits.until(deadline, () -> paper.count() >= plan.outageAfter())) {
          outage(stack, plan, paper, watch, column);
        } else {
          column.put(
              Row.OUTAGE_PRINTED,
              "no outage: "
                  + paper.count()
                  + " labels in "
                  + plan.singleJobLimit().toSeconds()
                  + " s");
        }
        column.apiLag(watch);
      }
      OptionalLong first = paper.timeOf(1);
      if (first.isPresent()) {
        column.put(Row.FIRST_LABEL, Figures.seconds(first.getAsLong() - job.answeredAt()));
      }
      column.usage(agent.usage(), paper.count());
      agent.cancelUnfinished(List.of(job.jobId())); // the rest of the job is not measured
    } finally {
      stack.proxies().endBlackHole();
      stack.proxies().roundTrip(Duration.ZERO);
    }
    return column;
  }

  private static void outage(
      BenchStack stack, BenchPlan plan, Paper paper, LagWatch watch, Column column) {
    stack.proxies().blackHole(BlackHole.NO_ANSWER);
    long start = System.nanoTime();
    int before = paper.count();
    Waits.sleepUntil(start + plan.outage().toNanos());
    int during = paper.count() - before;
    stack.proxies().endBlackHole();
    long end = System.nanoTime();
    long possible = plan.outage().toMillis() / plan.perLabel().toMillis();
    column.put(Row.OUTAGE_PRINTED, during + " of " + possible + " possible");

    long limit = plan.afterOutageLimit().toNanos();
    Waits.until(
        end + limit,
        () -> watch.caughtUpAfter(end).isPresent() && paper.firstAfter(end).isPresent());
    Optional<LagWatch.Sample> caughtUp = watch.caughtUpAfter(end);
    OptionalLong next = paper.firstAfter(end);
    String notIn = "not in " + plan.afterOutageLimit().toSeconds() + " s";
    column.put(
        Row.OUTAGE_API,
        caughtUp.map(sample -> Figures.seconds(sample.answeredAt() - end)).orElse(notIn));
    column.put(
        Row.OUTAGE_NEXT_LABEL, next.isPresent() ? Figures.seconds(next.getAsLong() - end) : notIn);
  }
}
