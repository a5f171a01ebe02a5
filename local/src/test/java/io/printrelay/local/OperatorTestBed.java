package io.printrelay.local;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import io.printrelay.agent.AgentTestBed;
import io.printrelay.embedded.EmbeddedAws;
import io.printrelay.function.actions.ActionOutcome;
import io.printrelay.function.actions.JobActions;
import io.printrelay.function.actions.PriorityRequest;
import io.printrelay.function.dispatch.DispatchSweep;
import io.printrelay.function.printers.PrinterActions;
import io.printrelay.function.printers.PrinterView;
import io.printrelay.model.Job;
import io.printrelay.model.Priority;
import io.printrelay.testing.LoopbackForwarder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An agent's test bed ({@link AgentTestBed}: its table, queues, virtual printers and agents) with
 * an operator: the cloud function's own action use cases, taken from a Micronaut context on the
 * same table and queues, so a test pauses, cancels, resumes or re-prioritises a job and pauses a
 * printer with exactly the writes and sends the API makes.
 *
 * <p>The function reaches SQS through a {@link LoopbackForwarder}, so a test can make its sends
 * fail ({@link #functionCannotReachTheQueues}) and leave a job for the dispatch sweep, as a lost
 * send in AWS does.
 */
final class OperatorTestBed implements AutoCloseable {
  final AgentTestBed agents = new AgentTestBed();
  private final LoopbackForwarder functionToSqs;
  private final ApplicationContext function;

  OperatorTestBed() {
    EmbeddedAws aws = agents.aws.aws();
    functionToSqs = LoopbackForwarder.to(aws.sqsEndpoint());
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("printrelay.table", agents.aws.table());
    properties.put("printrelay.queue-prefix", agents.aws.queueNames().prefix());
    properties.put("printrelay.aws.region", EmbeddedAws.REGION.id());
    properties.put("printrelay.aws.sqs-endpoint", functionToSqs.endpoint().toString());
    properties.put("printrelay.aws.dynamodb-endpoint", aws.dynamoDbEndpoint().toString());
    // The test runs the sweep itself, on every job not sent, however young.
    properties.put("printrelay.dispatch-sweep.enabled", false);
    properties.put("printrelay.dispatch-sweep.grace", "0s");
    function = ApplicationContext.run(properties);
  }

  Job pause(String jobId) {
    return jobActions().pause().pause(jobId);
  }

  Job cancel(String jobId) {
    return jobActions().cancel().cancel(jobId);
  }

  ActionOutcome resume(String jobId) {
    return jobActions().resume().resume(jobId);
  }

  Job changePriority(String jobId, Priority to) {
    return jobActions()
        .priority()
        .change(jobId, new PriorityRequest(JsonNode.createStringNode(to.wireName())));
  }

  PrinterView pausePrinter(String printerId) {
    return function.getBean(PrinterActions.class).pause(printerId);
  }

  PrinterView resumePrinter(String printerId) {
    return function.getBean(PrinterActions.class).resume(printerId);
  }

  /** The dispatch sweep's run: sends every job whose message was not confirmed sent. */
  int sweep() {
    return function.getBean(DispatchSweep.class).run();
  }

  /** From now on the function's sends fail (connection refused), until {@link #restore}. */
  void functionCannotReachTheQueues() {
    functionToSqs.refuse();
  }

  void restore() {
    functionToSqs.restore();
  }

  private JobActions jobActions() {
    return function.getBean(JobActions.class);
  }

  @Override
  public void close() {
    agents.close();
    function.close();
    functionToSqs.close();
  }
}
