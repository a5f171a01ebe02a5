package io.printrelay.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Only io.printrelay.table knows item attribute names. {@code JobTable}'s names are compile-time
 * constants, which javac copies into the classes that use them, so no bytecode rule (see {@link
 * ArchitectureTest}) can see a use: the function's sources are read instead.
 */
class TableNamesTest {
  private static final Path SOURCES = Path.of("src/main/java");

  @Test
  void noFunctionSourceNamesTheTableLayout() throws IOException {
    List<Path> naming;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      naming =
          files
              .filter(file -> file.toString().endsWith(".java"))
              .filter(TableNamesTest::namesJobTable)
              .toList();
    }

    assertThat(naming).as("only io.printrelay.table knows item attribute names").isEmpty();
  }

  private static boolean namesJobTable(Path file) {
    try {
      return Files.readString(file).contains("JobTable");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
