package io.printrelay.local.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs scenarios a to d in order. a, b and c share one agent with one printer (the round trip is
 * the proxy's business, not the agent's); d gets an agent for its many printers, started while the
 * first one stops, and measured only once the first one is gone.
 */
final class Scenarios {
  private Scenarios() {}

  static List<Column> runAll(BenchStack stack, BenchPlan plan) {
    List<Column> columns = new ArrayList<>();
    AgentUnderTest single =
        agent(
            "the one-printer agent",
            () -> AgentUnderTest.start(stack, "bench-single", List.of("line-1"), plan));
    try {
      columns.add(
          scenario(
              "a", single, () -> SingleJobScenario.run(stack, single, plan, "a", Duration.ZERO)));
      columns.add(
          scenario(
              "b",
              single,
              () -> SingleJobScenario.run(stack, single, plan, "b", plan.roundTrip())));
      columns.add(scenario("c", single, () -> OutageScenario.run(stack, single, plan)));
    } finally {
      if (single != null) {
        single.requestStop();
      }
    }
    AgentUnderTest fleet =
        agent(
            "the " + plan.printers() + "-printer agent",
            () ->
                AgentUnderTest.start(
                    stack, "bench-fleet", ManyPrintersScenario.printerNames(plan), plan));
    try {
      if (single != null) {
        single.close();
      }
      columns.add(scenario("d", fleet, () -> ManyPrintersScenario.run(stack, fleet, plan)));
    } finally {
      if (fleet != null) {
        fleet.halt();
      }
    }
    return columns;
  }

  private static AgentUnderTest agent(String name, Supplier<AgentUnderTest> start) {
    say("starting " + name);
    try {
      return start.get();
    } catch (RuntimeException e) {
      say(name + " did not start: " + e.getMessage());
      return null;
    }
  }

  private static Column scenario(String name, AgentUnderTest agent, Supplier<Column> scenario) {
    if (agent == null) {
      return Column.failed(name);
    }
    say("scenario " + name + "...");
    long start = System.nanoTime();
    try {
      Column column = scenario.get();
      say("scenario " + name + " done in " + Figures.seconds(System.nanoTime() - start));
      return column;
    } catch (RuntimeException e) {
      say("scenario " + name + " broke off: " + e);
      return Column.failed(name);
    }
  }

  private static final long STARTED = System.nanoTime();

  /** A progress line, stamped with the seconds since the bench started. */
  static void say(String line) {
    System.out.printf("bench: [%5.1f s] %s%n", (System.nanoTime() - STARTED) / 1e9, line);
  }
}
