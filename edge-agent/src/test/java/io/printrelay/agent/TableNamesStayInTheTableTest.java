package io.printrelay.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The half of "only io.printrelay.table knows item attribute names" that bytecode cannot show:
 * JobTable's names are constants, inlined by javac, so ArchUnit never sees them used. Any use needs
 * the name JobTable in the source (an import or a qualified name), so the sources are read instead.
 */
class TableNamesStayInTheTableTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");
  private static final Pattern JOB_TABLE = Pattern.compile("\\bJobTable\\b");

  @Test
  void noAgentSourceNamesJobTable() throws IOException {
    List<Path> naming;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      naming =
          files
              .filter(file -> file.toString().endsWith(".java"))
              .filter(TableNamesStayInTheTableTest::namesJobTable)
              .toList();
    }

    assertThat(naming).as("agent sources naming JobTable").isEmpty();
  }

  @Test
  void theCheckSeesAnImportAndIgnoresComments() {
    assertThat(namesJobTable("import static io.printrelay.table.JobTable.*;")).isTrue();
    assertThat(namesJobTable("var s = JobTable.STATUS;")).isTrue();
    assertThat(namesJobTable("/** Names come from {@code JobTable}. */ // JobTable too")).isFalse();
  }

  private static boolean namesJobTable(Path file) {
    try {
      return namesJobTable(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean namesJobTable(String source) {
    return JOB_TABLE.matcher(COMMENTS.matcher(source).replaceAll("")).find();
  }
}
