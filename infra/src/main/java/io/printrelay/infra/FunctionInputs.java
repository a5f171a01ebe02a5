package io.printrelay.infra;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * What every Printrelay Lambda function shares: the one jar, its environment, the table, main
 * queues and dead-letter queues it may use, and how many days its log is kept.
 */
public record FunctionInputs(
    Code code,
    Map<String, String> environment,
    ITable table,
    List<IQueue> queues,
    List<IQueue> deadLetterQueues,
    int logRetentionDays) {

  public FunctionInputs {
    environment = Map.copyOf(environment);
    queues = List.copyOf(queues);
    deadLetterQueues = List.copyOf(deadLetterQueues);
  }

  /** These inputs with {@code more} variables added: for what only one function may see. */
  public FunctionInputs withEnvironment(Map<String, String> more) {
    Map<String, String> combined = new HashMap<>(environment);
    combined.putAll(more);
    return new FunctionInputs(code, combined, table, queues, deadLetterQueues, logRetentionDays);
  }
}
