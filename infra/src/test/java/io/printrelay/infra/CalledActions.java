package io.printrelay.infra;

import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The SQS and DynamoDB actions some code calls, each with the places that call it: what a role's
 * policy must hold, no more and no less.
 *
 * <p>A {@code transactWriteItems} call needs no action of its own; IAM checks each item of the
 * transaction by its action. Which items a transaction holds is not visible at the call, so they
 * are read from where the code builds them: every {@code TransactWriteItem.Builder} put, update,
 * conditionCheck or delete call in the same code counts.
 */
record CalledActions(Map<String, Set<String>> sites) {

  static CalledActions in(Collection<JavaCodeUnit> code) {
    Map<String, Set<String>> calls = new TreeMap<>();
    Map<String, Set<String>> transactItems = new TreeMap<>();
    code.stream()
        .flatMap(CallGraph::accessesFrom)
        .forEach(
            access -> {
              String owner = access.getTargetOwner().getName();
              String method = access.getTarget().getName();
              if (owner.equals(AwsActions.DYNAMODB_CLIENT) || owner.equals(AwsActions.SQS_CLIENT)) {
                AwsActions.ofClientCall(owner, method)
                    .ifPresent(action -> add(calls, action, access));
              } else if (owner.equals(AwsActions.TRANSACT_WRITE_ITEM_BUILDER)) {
                AwsActions.ofTransactItem(method)
                    .ifPresent(action -> add(transactItems, action, access));
              }
            });
    Set<String> transactions = calls.remove(AwsActions.TRANSACT_WRITE_ITEMS);
    if (transactions != null) {
      if (transactItems.isEmpty()) {
        throw new IllegalStateException(
            "transactWriteItems at "
                + transactions
                + " but no"
                + " TransactWriteItem is built in the same code: its item actions are unknown");
      }
      transactItems.forEach(
          (action, where) -> calls.computeIfAbsent(action, a -> new TreeSet<>()).addAll(where));
    }
    return new CalledActions(calls);
  }

  Set<String> actions() {
    return sites.keySet();
  }

  /** Each action of {@code actions} with where the code calls it, one a line. */
  String describe(Collection<String> actions) {
    return actions.stream()
        .map(action -> "  " + action + " <- " + sites.getOrDefault(action, Set.of()))
        .collect(Collectors.joining("\n"));
  }

  private static void add(
      Map<String, Set<String>> found, String action, JavaCodeUnitAccess<?> access) {
    // Class name without its package, nested and anonymous classes included (Outer$1).
    String type = access.getOriginOwner().getName();
    String where =
        type.substring(type.lastIndexOf('.') + 1)
            + "."
            + access.getOrigin().getName()
            + access.getSourceCodeLocation();
    found.computeIfAbsent(action, a -> new TreeSet<>()).add(where);
  }
}
