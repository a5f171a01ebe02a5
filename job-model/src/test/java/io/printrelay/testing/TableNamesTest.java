package io.printrelay.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableNamesTest {

  @Test
  void seesAnImportOrAQualifiedNameAndIgnoresComments() {
    assertThat(TableNames.namesJobTable("import static io.printrelay.table.JobTable.*;")).isTrue();
    assertThat(TableNames.namesJobTable("var s = JobTable.STATUS;")).isTrue();
    assertThat(TableNames.namesJobTable("/** Names come from {@code JobTable}. */ // JobTable"))
        .isFalse();
  }
}
