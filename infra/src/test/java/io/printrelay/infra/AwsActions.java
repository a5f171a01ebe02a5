package io.printrelay.infra;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The IAM action a call on the SDK's {@code DynamoDbClient} or {@code SqsClient} needs: the
 * operation's name with the service prefix ({@code getItem} is {@code dynamodb:GetItem}), with the
 * exceptions IAM makes.
 */
final class AwsActions {
  static final String DYNAMODB_CLIENT = "software.amazon.awssdk.services.dynamodb.DynamoDbClient";
  static final String SQS_CLIENT = "software.amazon.awssdk.services.sqs.SqsClient";
  static final String TRANSACT_WRITE_ITEM_BUILDER =
      "software.amazon.awssdk.services.dynamodb.model.TransactWriteItem$Builder";

  /** Needs no action of its own: each of its items is authorised by the item's action. */
  static final String TRANSACT_WRITE_ITEMS = "dynamodb:TransactWriteItems";

  // What a TransactWriteItem is built to do, and the action IAM checks for it.
  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html
  private static final Map<String, String> TRANSACT_ITEM_ACTIONS =
      Map.of(
          "put", "dynamodb:PutItem",
          "update", "dynamodb:UpdateItem",
          "conditionCheck", "dynamodb:ConditionCheckItem",
          "delete", "dynamodb:DeleteItem");

  // SQS authorises each batch call as its single action.
  // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-api-permissions-reference.html
  private static final Map<String, String> SQS_BATCHES =
      Map.of(
          "SendMessageBatch", "SendMessage",
          "DeleteMessageBatch", "DeleteMessage",
          "ChangeMessageVisibilityBatch", "ChangeMessageVisibility");

  // Client methods that send no request.
  private static final Set<String> NOT_REQUESTS =
      Set.of(
          "builder",
          "create",
          "serviceMetadata",
          "serviceName",
          "serviceClientConfiguration",
          "close",
          "waiter",
          "utilities");

  // PartiQL statements are authorised by what the statement text does, which no call shows.
  private static final Set<String> PARTIQL =
      Set.of("executeStatement", "batchExecuteStatement", "executeTransaction");

  private AwsActions() {}

  /** The action a call of {@code method} on {@code client} needs; empty for one sending nothing. */
  static Optional<String> ofClientCall(String client, String method) {
    if (NOT_REQUESTS.contains(method)) {
      return Optional.empty();
    }
    if (PARTIQL.contains(method)) {
      throw new IllegalStateException(
          method
              + ": PartiQL needs an action per statement kind"
              + " (dynamodb:PartiQLSelect, ...) that the call does not show; teach AwsActions");
    }
    // A paginator sends the operation it is named after, once per page.
    String operation =
        method.endsWith("Paginator")
            ? method.substring(0, method.length() - "Paginator".length())
            : method;
    operation = Character.toUpperCase(operation.charAt(0)) + operation.substring(1);
    return switch (client) {
      // Every item of a TransactGetItems is a Get, authorised as GetItem.
      case DYNAMODB_CLIENT ->
          Optional.of("dynamodb:" + (operation.equals("TransactGetItems") ? "GetItem" : operation));
      case SQS_CLIENT -> Optional.of("sqs:" + SQS_BATCHES.getOrDefault(operation, operation));
      default -> throw new IllegalArgumentException("not an SDK client: " + client);
    };
  }

  /** The action a {@code TransactWriteItem.Builder} method adds to a transaction, if any. */
  static Optional<String> ofTransactItem(String builderMethod) {
    return Optional.ofNullable(TRANSACT_ITEM_ACTIONS.get(builderMethod));
  }
}
