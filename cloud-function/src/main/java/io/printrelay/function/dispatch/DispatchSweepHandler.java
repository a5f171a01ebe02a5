package io.printrelay.function.dispatch;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The Lambda entry point for the EventBridge schedule: {@code
 * io.printrelay.function.dispatch.DispatchSweepHandler::handleRequest}. The event's content is not
 * needed (any schedule event, or {}, runs one sweep, every pass of it); it answers how many jobs it
 * sent.
 */
public class DispatchSweepHandler extends MicronautRequestHandler<Map<String, Object>, String> {
  @Inject SweepPasses sweep;

  /** Used by the Lambda runtime: builds and starts the application context. */
  public DispatchSweepHandler() {}

  /** Used by tests: runs in the given context. */
  public DispatchSweepHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  public String execute(Map<String, Object> event) {
    return "dispatched " + sweep.run();
  }
}
