package io.printrelay.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each role's action list states exactly the SQS and DynamoDB actions its code calls, derived from
 * the function's, the agent's and the shared model's classes (see {@link RoleCode}): a grant the
 * code does not use fails, and so does a call the list lacks.
 */
class DerivedActionsTest {

  @Test
  void agentPolicyListsExactlyTheActionsTheAgentsCodeCalls() {
    assertListsExactly(AgentAccess.ACTIONS, RoleCode.agent(), "AgentAccess.ACTIONS");
  }

  @Test
  void apiFunctionListsExactlyTheActionsTheApisCodeCalls() {
    assertListsExactly(
        ApiFunction.ACTIONS,
        ApiFunction.DEAD_LETTER_ACTIONS,
        RoleCode.apiFunction(),
        "ApiFunction.ACTIONS");
  }

  @Test
  void dispatchSweepListsExactlyTheActionsItsHandlerReaches() {
    assertListsExactly(
        DispatchSweep.ACTIONS,
        DispatchSweep.DEAD_LETTER_ACTIONS,
        RoleCode.dispatchSweep(),
        "DispatchSweep.ACTIONS");
  }

  /**
   * A function's two lists together, the main queues' and table's and the dead-letter queues',
   * state what its code calls: which queue a call goes to is not visible in the code.
   */
  private static void assertListsExactly(
      List<String> listed, List<String> onDeadLetters, CalledActions called, String name) {
    assertThat(onDeadLetters).as("%s's DEAD_LETTER_ACTIONS twice", name).doesNotHaveDuplicates();
    assertListsExactly(
        Stream.concat(listed.stream(), onDeadLetters.stream()).distinct().toList(),
        called,
        name + " with DEAD_LETTER_ACTIONS");
    assertThat(listed).as("%s lists an action twice", name).doesNotHaveDuplicates();
  }

  private static void assertListsExactly(List<String> listed, CalledActions called, String name) {
    Set<String> missing = new TreeSet<>(called.actions());
    missing.removeAll(listed);
    Set<String> unused = new TreeSet<>(listed);
    unused.removeAll(called.actions());
    assertThat(missing)
        .as("%s lacks actions the code calls:%n%s", name, called.describe(missing))
        .isEmpty();
    assertThat(unused).as("%s grants actions no code calls", name).isEmpty();
    assertThat(listed).as("%s lists an action twice", name).doesNotHaveDuplicates();
  }
}
