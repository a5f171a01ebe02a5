package io.printrelay.local.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Virtual printers and the agent JVM serving them, measured one scenario at a time. The agent is
 * ready once it has registered every printer and printed a warm-up job on the first one, so that
 * start-up costs (class loading, compiling) are not charged to any scenario's labels.
 */
final class AgentUnderTest implements AutoCloseable {
  private static final Duration READY_LIMIT = Duration.ofSeconds(60);
  private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(60);
  private static final Duration SETTLE = Duration.ofSeconds(1);
  private static final Duration IDLE_LIMIT = Duration.ofSeconds(15);
  private static final Duration STOP_LIMIT = Duration.ofSeconds(30);

  private final BenchStack stack;
  private final List<Paper> printers;
  private final AgentProcess agent;
  private Duration cpuAtStart = Duration.ZERO;
  private long residentIdleKib = -1;

  private AgentUnderTest(BenchStack stack, List<Paper> printers, AgentProcess agent) {
    this.stack = stack;
    this.printers = printers;
    this.agent = agent;
  }

  /** Starts the printers and the agent; returns once the agent is warm, or throws. */
  static AgentUnderTest start(
      BenchStack stack, String agentId, List<String> printerNames, BenchPlan plan) {
    List<Paper> printers = new ArrayList<>();
    AgentProcess agent = null;
    try {
      printerNames.forEach(name -> printers.add(Paper.start(name, plan.perLabel())));
      agent = stack.startAgent(agentId, printers);
      AgentProcess started = agent;
      boolean ready =
          Waits.until(
              Waits.deadlineIn(READY_LIMIT),
              () ->
                  !started.alive()
                      || printers.stream().allMatch(p -> stack.api().printerKnown(p.name())));
      if (!ready || !agent.alive()) {
        throw new IllegalStateException(
            "the agent did not register its printers within "
                + READY_LIMIT.toSeconds()
                + " s; see "
                + agent.log());
      }
      warmUp(stack.api(), printers.get(0), plan.warmUpLabels(), agent);
      return new AgentUnderTest(stack, printers, agent);
    } catch (RuntimeException e) {
      if (agent != null) {
        agent.close();
      }
      printers.forEach(Paper::close);
      throw e;
    }
  }

  private static void warmUp(BenchApi api, Paper printer, int labels, AgentProcess agent) {
    String jobId = api.submit(printer.name(), labels).jobId();
    if (!Waits.until(Waits.deadlineIn(WARM_UP_LIMIT), () -> api.progress(jobId).finished())) {
      throw new IllegalStateException(
          "the agent did not print its "
              + labels
              + "-label warm-up job within "
              + WARM_UP_LIMIT.toSeconds()
              + " s; see "
              + agent.log());
    }
  }

  Paper printer(int index) {
    return printers.get(index);
  }

  List<Paper> printers() {
    return List.copyOf(printers);
  }

  /**
   * From here on the agent's requests, CPU time and peak memory count, and the printers count
   * labels from 0. Waits a moment first, so the agent's last writes for an earlier job are not
   * counted.
   */
  void startMeasuring() {
    Waits.sleepMillis(SETTLE.toMillis());
    printers.forEach(Paper::forget);
    stack.proxies().resetTraffic();
    cpuAtStart = agent.cpu();
    residentIdleKib = agent.residentKib();
    agent.resetPeakResident();
  }

  Usage usage() {
    return new Usage(
        stack.proxies().dynamoDb().traffic(),
        stack.proxies().sqs().traffic(),
        agent.cpu().minus(cpuAtStart),
        residentIdleKib,
        agent.peakResidentKib());
  }

  /**
   * Cancels the jobs not finished and waits (bounded) until no printer shows a job, so that the
   * agent is done with them before the next scenario counts.
   */
  void cancelUnfinished(List<String> jobIds) {
    for (String jobId : jobIds) {
      try {
        if (!stack.api().progress(jobId).finished()) {
          stack.api().cancel(jobId);
        }
      } catch (RuntimeException e) {
        System.out.println("bench: could not cancel job " + jobId + ": " + e.getMessage());
      }
    }
    Waits.until(
        Waits.deadlineIn(IDLE_LIMIT),
        () -> printers.stream().noneMatch(p -> stack.api().printerBusy(p.name())));
  }

  /** Asks the agent to stop (SIGTERM) and returns at once; {@link #close()} waits for it. */
  void requestStop() {
    agent.requestStop();
  }

  /** Kills the agent, then stops the printers: for the bench's last agent only. */
  void halt() {
    try {
      agent.kill();
    } finally {
      printers.forEach(Paper::close);
    }
  }

  /** Stops the agent gracefully (see {@link AgentProcess#requestStop()}), then the printers. */
  @Override
  public void close() {
    try {
      agent.requestStop();
      agent.awaitStop(STOP_LIMIT);
    } finally {
      printers.forEach(Paper::close);
    }
  }
}
