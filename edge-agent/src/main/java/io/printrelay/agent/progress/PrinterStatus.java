package io.printrelay.agent.progress;

import io.printrelay.model.PrinterState;
import java.util.Objects;

/**
 * What the agent last saw of one printer, as reported on its printer item.
 *
 * @param detail why, when the state is offline or error (e.g. "paper out"); else null
 * @param currentJobId the job being printed, else null
 */
public record PrinterStatus(PrinterState state, String detail, String currentJobId) {
  public PrinterStatus {
    Objects.requireNonNull(state, "state");
  }

  public static PrinterStatus ready() {
    return new PrinterStatus(PrinterState.READY, null, null);
  }

  public static PrinterStatus printing(String jobId) {
    return new PrinterStatus(PrinterState.PRINTING, null, jobId);
  }

  public static PrinterStatus offline(String detail) {
    return new PrinterStatus(PrinterState.OFFLINE, detail, null);
  }

  public PrinterStatus withProblem(String problem) {
    return problem == null
        ? new PrinterStatus(PrinterState.PRINTING, null, currentJobId)
        : new PrinterStatus(PrinterState.ERROR, problem, currentJobId);
  }
}
