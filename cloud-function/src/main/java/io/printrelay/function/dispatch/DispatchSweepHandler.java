package io.printrelay.function.dispatch;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.printrelay.function.expiry.LabelExpiry;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The Lambda entry point for the EventBridge schedule: {@code
 * io.printrelay.function.dispatch.DispatchSweepHandler::handleRequest}. The event's content is not
 * needed (any schedule event, or {}, runs one sweep); it answers how many jobs it sent. The same
 * run then deletes the labels of jobs finished long ago ({@link LabelExpiry}): one schedule, one
 * function, for both chores.
 */
public class DispatchSweepHandler extends MicronautRequestHandler<Map<String, Object>, String> {
  @Inject DispatchSweep sweep;
  @Inject LabelExpiry expiry;

  /** Used by the Lambda runtime: builds and starts the application context. */
  public DispatchSweepHandler() {}

  /** Used by tests: runs in the given context. */
  public DispatchSweepHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  public String execute(Map<String, Object> event) {
    // Neither chore waits on the other: a failing one must not stop the other, and still fails
    // the invocation, so that it shows.
    RuntimeException failure = null;
    int sent = 0;
    try {
      sent = sweep.run();
    } catch (RuntimeException e) {
      failure = e;
    }
    try {
      expiry.run();
    } catch (RuntimeException e) {
      if (failure == null) {
        failure = e;
      } else {
        failure.addSuppressed(e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return "dispatched " + sent;
  }
}
