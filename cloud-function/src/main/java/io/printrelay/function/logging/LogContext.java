package io.printrelay.function.logging;

import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The job and printer a piece of work is about, in the logging context (SLF4J's MDC) while it runs
 * on this thread: every line it logs carries them as {@code mdc.jobId} and {@code mdc.printerId} in
 * the functions' JSON logs, so that CloudWatch Logs Insights finds a job's or a printer's story
 * with one filter. What was there before is put back afterwards, so work on a job inside work on
 * its printer keeps the printer.
 */
public final class LogContext {
  public static final String JOB_ID = "jobId";
  public static final String PRINTER_ID = "printerId";

  private LogContext() {}

  /** Runs {@code work} with the job and its printer named. */
  public static <T> T forJob(String jobId, String printerId, Supplier<T> work) {
    return with(jobId, printerId, work);
  }

  /** Runs {@code work} with the printer named. */
  public static <T> T forPrinter(String printerId, Supplier<T> work) {
    return with(null, printerId, work);
  }

  private static <T> T with(String jobId, String printerId, Supplier<T> work) {
    String previousJob = MDC.get(JOB_ID);
    String previousPrinter = MDC.get(PRINTER_ID);
    set(JOB_ID, jobId);
    set(PRINTER_ID, printerId);
    try {
      return work.get();
    } finally {
      restore(JOB_ID, previousJob);
      restore(PRINTER_ID, previousPrinter);
    }
  }

  static void set(String key, String value) {
    if (value != null) {
      MDC.put(key, value);
    }
  }

  static void restore(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
