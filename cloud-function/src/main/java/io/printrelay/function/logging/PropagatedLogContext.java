package io.printrelay.function.logging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.propagation.ThreadPropagatedContextElement;
import org.slf4j.MDC;

/**
 * The job and printer of {@link LogContext}, as an element of Micronaut's propagated context: in
 * the MDC on whichever thread Micronaut runs the request's code (on Lambda the invoking thread, on
 * Netty the pool {@code @ExecuteOn} names), and taken back off it afterwards.
 */
record PropagatedLogContext(@Nullable String jobId, @Nullable String printerId)
    implements ThreadPropagatedContextElement<PropagatedLogContext> {

  @Override
  public PropagatedLogContext updateThreadContext() {
    PropagatedLogContext previous =
        new PropagatedLogContext(MDC.get(LogContext.JOB_ID), MDC.get(LogContext.PRINTER_ID));
    LogContext.set(LogContext.JOB_ID, jobId);
    LogContext.set(LogContext.PRINTER_ID, printerId);
    return previous;
  }

  @Override
  public void restoreThreadContext(PropagatedLogContext previous) {
    LogContext.restore(LogContext.JOB_ID, previous.jobId());
    LogContext.restore(LogContext.PRINTER_ID, previous.printerId());
  }
}
