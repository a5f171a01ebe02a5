package io.printrelay.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The half of "only io.printrelay.table knows item attribute names" that bytecode cannot show:
 * {@code JobTable}'s names are constants, inlined by javac, so an ArchUnit rule never sees them
 * used. Any use needs the name JobTable in the source (an import or a qualified name), so modules
 * read their sources with this.
 */
public final class TableNames {
  private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");
  private static final Pattern JOB_TABLE = Pattern.compile("\\bJobTable\\b");

  private TableNames() {}

  /** The Java sources under {@code root} that name JobTable outside comments. */
  public static List<Path> sourcesNamingJobTable(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(file -> file.toString().endsWith(".java"))
          .filter(TableNames::namesJobTable)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean namesJobTable(String source) {
    return JOB_TABLE.matcher(COMMENTS.matcher(source).replaceAll("")).find();
  }

  private static boolean namesJobTable(Path file) {
    try {
      return namesJobTable(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
