package io.printrelay.virtualprinter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The runnable jar behind {@code ./printrelay printer}, after {@code package}. */
class PrinterJarIT {

  private static final Path JAR =
      Path.of(System.getProperty("printer.jar", "target/printrelay-printer-all.jar"));

  @Test
  void holdsThePrinterAndItsLoggingButNoJobModelAndNoAws() throws IOException {
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      assertThat(jar.getEntry("io/printrelay/virtualprinter/PrinterMain.class")).isNotNull();
      assertThat(jar.getEntry("logback.xml")).isNotNull();
      List<String> unwanted =
          jar.stream()
              .map(ZipEntry::getName)
              .filter(name -> name.endsWith(".class"))
              .filter(
                  name ->
                      name.startsWith("io/printrelay/")
                              && !name.startsWith("io/printrelay/virtualprinter/")
                          || name.startsWith("software/amazon/"))
              .toList();
      assertThat(unwanted).isEmpty();
    }
  }

  @Test
  void runsFromTheJarAloneAndPrintsItsUsage() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(java.toString(), "-jar", JAR.toString(), "--help")
            .redirectErrorStream(true)
            .start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).startsWith(PrinterMain.USAGE);
  }
}
