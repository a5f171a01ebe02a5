package io.printrelay.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.testing.TableNames;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Only io.printrelay.table knows item attribute names; bytecode cannot show it (see TableNames).
 */
class TableNamesStayInTheTableTest {

  @Test
  void noAgentSourceNamesJobTable() {
    assertThat(TableNames.sourcesNamingJobTable(Path.of("src/main/java")))
        .as("agent sources naming JobTable")
        .isEmpty();
  }
}
