package io.printrelay.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * One role's action list as policy statements: its {@code sqs:} actions on the three main queues,
 * its {@code dynamodb:} actions on the table's items, and its Query also on the table's indexes;
 * and a function's separate list of actions on the dead-letter queues.
 *
 * <p>Each role's list ({@link AgentAccess#ACTIONS}, {@link ApiFunction#ACTIONS}, {@link
 * DispatchSweep#ACTIONS}) is the one place its permissions are written. The infra tests derive the
 * same list from the SQS and DynamoDB calls in that role's code and fail when the two differ, so a
 * grant nobody calls, or a call nobody granted, fails the build.
 */
final class AccessStatements {
  static final String QUERY = "dynamodb:Query";

  private AccessStatements() {}

  /**
   * @param itemCondition an IAM {@code Condition} block for the statement on the table's items, or
   *     an empty map for none; the index statement never carries it (see {@link AgentAccess})
   */
  static List<PolicyStatement> of(
      List<String> actions, List<IQueue> queues, ITable table, Map<String, Object> itemCondition) {
    List<String> queueActions = withPrefix(actions, "sqs:");
    List<String> tableActions = withPrefix(actions, "dynamodb:");
    if (queueActions.size() + tableActions.size() != actions.size()) {
      throw new IllegalArgumentException("only sqs: and dynamodb: actions are placed: " + actions);
    }
    List<PolicyStatement> statements = new ArrayList<>();
    if (!queueActions.isEmpty()) {
      // The dead-letter queues are left out: a role's actions on them are its own list.
      statements.add(
          PolicyStatement.Builder.create()
              .sid("MainQueues")
              .actions(queueActions)
              .resources(queues.stream().map(IQueue::getQueueArn).toList())
              .build());
    }
    if (!tableActions.isEmpty()) {
      statements.add(
          PolicyStatement.Builder.create()
              .sid("TableItems")
              .actions(tableActions)
              .resources(List.of(table.getTableArn()))
              .conditions(itemCondition)
              .build());
    }
    if (tableActions.contains(QUERY)) {
      // An index's ARN is the table's plus /index/NAME; of the item actions only Query (and Scan,
      // never granted) can name an index.
      statements.add(
          PolicyStatement.Builder.create()
              .sid("TableIndexes")
              .actions(List.of(QUERY))
              .resources(List.of(table.getTableArn() + "/index/*"))
              .build());
    }
    return statements;
  }

  /**
   * A role's {@code sqs:} actions on the three dead-letter queues (the dispatch sweep reads them,
   * deletes what no job waits on, the health check counts them), apart from its actions on the main
   * queues: reading the dead letters gives no right to take a main queue's messages.
   */
  static Optional<PolicyStatement> onDeadLetterQueues(List<String> actions, List<IQueue> queues) {
    if (actions.isEmpty()) {
      return Optional.empty();
    }
    if (withPrefix(actions, "sqs:").size() != actions.size()) {
      throw new IllegalArgumentException("only sqs: actions go to dead-letter queues: " + actions);
    }
    return Optional.of(
        PolicyStatement.Builder.create()
            .sid("DeadLetterQueues")
            .actions(actions)
            .resources(queues.stream().map(IQueue::getQueueArn).toList())
            .build());
  }

  private static List<String> withPrefix(List<String> actions, String prefix) {
    return actions.stream().filter(action -> action.startsWith(prefix)).toList();
  }
}
