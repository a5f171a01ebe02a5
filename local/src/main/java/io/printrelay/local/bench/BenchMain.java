package io.printrelay.local.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * {@code printrelay bench [--quick]}: figures, not a pass/fail test. Starts the local system with
 * the agent in its own JVM behind the AWS proxy, runs scenarios a to d (see README.md), and prints
 * one table. Every scenario is bounded in time; one that breaks off still leaves its column.
 */
public final class BenchMain {
  static final String USAGE =
      """
      usage: printrelay bench [--quick]
             printrelay bench cold-start [--runs N]   the API function's cold start (README.md)
        a, b  one 200-label job on one printer at 100 ms/label, the agent 0 and 60 ms from the cloud
        c     a 30 s cloud outage (no answers) in the middle of a job, 60 ms otherwise
        d     50 printers with a 100-label job each
        --quick  30-label jobs, a 5 s outage, 10 printers with 20 labels each""";

  private BenchMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length > 0 && args[0].equals("cold-start")) {
      try {
        ColdStartBench.main(Arrays.copyOfRange(args, 1, args.length));
      } catch (IOException | RuntimeException e) {
        System.err.println("printrelay bench cold-start: " + e.getMessage());
        System.exit(1); // the emulators' non-daemon threads must not keep the JVM alive
      }
      return;
    }
    BenchPlan plan;
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(USAGE);
      return;
    } else if (args.length == 0) {
      plan = BenchPlan.full();
    } else if (args.length == 1 && args[0].equals("--quick")) {
      plan = BenchPlan.quick();
    } else {
      System.err.println("printrelay bench: unknown arguments " + String.join(" ", args));
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    quietLogs();
    run(plan, System.out);
    System.exit(0); // non-daemon threads of the emulators must not keep the JVM alive
  }

  /** Runs every scenario, prints the table to {@code out} after a heading, and returns it. */
  static String run(BenchPlan plan, PrintStream out) {
    Machine machine = Machine.current();
    String loadBefore = Machine.loadAverage();
    long started = System.nanoTime();
    Scenarios.say("starting the local system (" + plan.name() + " run)");
    List<Column> columns;
    try (BenchStack stack = BenchStack.start()) {
      columns = Scenarios.runAll(stack, plan);
    }
    out.println();
    out.printf(
        "printrelay bench (%s) in %.0f s on %s%n",
        plan.name(), (System.nanoTime() - started) / 1e9, machine);
    out.println(
        "load average (1, 5, 15 min) before: " + loadBefore + ", after: " + Machine.loadAverage());
    out.println(
        "agent: its own JVM (AgentMain with the JVM options of ./printrelay agent, poll wait 20 s), warmed"
            + " up by a "
            + plan.warmUpLabels()
            + "-label job; SQS and DynamoDB through the AWS proxy;"
            + " printers: virtual, "
            + plan.perLabel().toMillis()
            + " ms/label;"
            + " write units as DynamoDB Local reports them");
    out.println();
    String table = ResultTable.render(columns);
    out.print(table);
    return table;
  }

  /** The table is the output: the system's own info logs would drown it. */
  private static void quietLogs() {
    ((Logger) LoggerFactory.getLogger("io.printrelay")).setLevel(Level.WARN);
  }
}
