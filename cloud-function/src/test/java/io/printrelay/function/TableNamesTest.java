package io.printrelay.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.testing.TableNames;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Only io.printrelay.table knows item attribute names; bytecode cannot show it (see TableNames).
 */
class TableNamesTest {

  @Test
  void noFunctionSourceNamesTheTableLayout() {
    assertThat(TableNames.sourcesNamingJobTable(Path.of("src/main/java")))
        .as("only io.printrelay.table knows item attribute names")
        .isEmpty();
  }
}
