package io.printrelay.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * `printrelay bench --quick` end to end: the local system, two agent JVMs through the proxy,
 * scenarios a to d, the table. Figures, not a speed target, and minutes long, so it only runs when
 * asked for: {@code ./mvnw -B -pl local -am verify -Dgroups=benchmark -DexcludedGroups=none
 * -Dtest=BenchQuickRunTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class BenchQuickRunTest {

  @Test
  void everyScenarioRunsToItsEndAndFillsItsColumn() {
    String table = BenchMain.run(BenchPlan.quick(), System.out);

    assertThat(table)
        .contains("a: ", "b: ", "c: ", "d: ")
        .contains(Row.LAST_LABEL.title(), Row.OUTAGE_PRINTED.title(), Row.CPU.title())
        .contains("  TransactWriteItems")
        .doesNotContain("error (see above)", "not finished", "not in ");
  }
}
