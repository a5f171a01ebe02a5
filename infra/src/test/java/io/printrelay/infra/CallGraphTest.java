package io.printrelay.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.printrelay.infra.callgraph.Entry;
import io.printrelay.infra.callgraph.Store;
import io.printrelay.infra.callgraph.Writes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The derivation itself, on the small code base in {@code io.printrelay.infra.callgraph}. */
class CallGraphTest {
  private static final String FIXTURES = "io.printrelay.infra.callgraph";
  private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURES);

  @Test
  void followsInterfacesLambdasMethodReferencesAndJdkCallbacksFromTheRoot() {
    CalledActions called = calledFrom(CLASSES.get(Entry.class).getMethod("start", Store.class));

    assertThat(called.actions())
        .containsExactlyInAnyOrder(
            "dynamodb:Query", // Store.count -> DynamoStore.count -> queryPaginator
            "dynamodb:UpdateItem", // the transaction's items: update ...
            "dynamodb:ConditionCheckItem", // ... and conditionCheck, built in Writes
            "sqs:ChangeMessageVisibility", // Poller.run, called by the JDK; a batch is its one
            // action
            "sqs:SendMessage"); // this::send
  }

  @Test
  void aMethodNothingReachesCountsForNothing() {
    CalledActions called = calledFrom(CLASSES.get(Entry.class).getMethod("start", Store.class));

    // Entry.unused deletes and Writes.put builds a put: neither is reached from start.
    assertThat(called.actions()).doesNotContain("dynamodb:DeleteItem", "dynamodb:PutItem");
    assertThat(called.sites().get("dynamodb:Query"))
        .singleElement()
        .asString()
        .startsWith("DynamoStore.count(DynamoStore.java:");
  }

  @Test
  void theTransactionItselfIsNoAction() {
    assertThat(calledFrom(CLASSES.get(Entry.class).getMethod("start", Store.class)).actions())
        .doesNotContain(AwsActions.TRANSACT_WRITE_ITEMS);
  }

  @Test
  void aTransactionWhoseItemsAreBuiltNowhereIsRefused() {
    JavaCodeUnit commit =
        CLASSES
            .get(Writes.class)
            .getMethod("commit", DynamoDbClient.class, TransactWriteItem[].class);

    assertThatIllegalStateException()
        .isThrownBy(() -> CalledActions.in(List.of(commit)))
        .withMessageContaining("its item actions are unknown");
  }

  @ParameterizedTest
  @CsvSource({
    AwsActions.DYNAMODB_CLIENT + ", getItem, dynamodb:GetItem",
    AwsActions.DYNAMODB_CLIENT + ", queryPaginator, dynamodb:Query",
    AwsActions.DYNAMODB_CLIENT + ", batchGetItemPaginator, dynamodb:BatchGetItem",
    AwsActions.DYNAMODB_CLIENT + ", transactGetItems, dynamodb:GetItem",
    AwsActions.SQS_CLIENT + ", receiveMessage, sqs:ReceiveMessage",
    AwsActions.SQS_CLIENT + ", deleteMessageBatch, sqs:DeleteMessage",
    AwsActions.SQS_CLIENT + ", sendMessageBatch, sqs:SendMessage",
    AwsActions.SQS_CLIENT + ", listQueuesPaginator, sqs:ListQueues"
  })
  void eachClientCallNeedsTheActionIamChecksForIt(String client, String method, String action) {
    assertThat(AwsActions.ofClientCall(client, method)).contains(action);
  }

  @Test
  void clientMethodsThatSendNoRequestNeedNoAction() {
    assertThat(AwsActions.ofClientCall(AwsActions.SQS_CLIENT, "close")).isEmpty();
    assertThat(AwsActions.ofClientCall(AwsActions.DYNAMODB_CLIENT, "builder")).isEmpty();
    assertThat(AwsActions.ofTransactItem("build")).isEmpty();
  }

  private static CalledActions calledFrom(JavaCodeUnit root) {
    CallGraph graph = new CallGraph((JavaClass type) -> type.getPackageName().equals(FIXTURES));
    return CalledActions.in(graph.reachableFrom(List.of(root)));
  }
}
