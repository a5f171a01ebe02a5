package io.printrelay.agent;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.printrelay.table.JobTable;
import java.net.Socket;
import java.nio.channels.SocketChannel;

/**
 * The agent's boundaries (docs/architecture.md#one-home-for-each-rule). Attribute names are
 * compile-time constants, which javac copies into the classes that use them, so the JobTable rule
 * here only sees other uses; {@link TableNamesStayInTheTableTest} reads the sources for the rest.
 */
@AnalyzeClasses(packages = "io.printrelay", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String PRINTER_ADAPTER =
      "io\\.printrelay\\.agent\\.printing\\.(TcpLabelPrinter|HostStatusConfirmation)(\\$.*)?";

  @ArchTest
  static final ArchRule onlyThePrinterAdapterOpensASocketToAPrinter =
      noClasses()
          .that()
          .resideInAPackage("io.printrelay.agent..")
          .and()
          .haveNameNotMatching(PRINTER_ADAPTER)
          .should()
          .dependOnClassesThat(assignableTo(Socket.class).or(assignableTo(SocketChannel.class)))
          .because(
              "TcpLabelPrinter is the one place that knows what \"printed\" means on the wire"
                  + " (docs/printing.md#what-printed-means)");

  @ArchTest
  static final ArchRule theAgentNeverDependsOnTheFunction =
      noClasses()
          .that()
          .resideInAPackage("io.printrelay.agent..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.printrelay.function..")
          .because("the agent and the function share only job-model");

  @ArchTest
  static final ArchRule onlyTheTablePackageKnowsTheItemLayout =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.printrelay.table..")
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(JobTable.class)
          .because("io.printrelay.table builds every request; attribute names live there alone");

  @ArchTest
  static final ArchRule receiptHandlesStayInPolling =
      noClasses()
          .that()
          .resideInAPackage("io.printrelay.agent..")
          .and()
          .resideOutsideOfPackages("io.printrelay.agent.polling..", "io.printrelay.agent")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("software.amazon.awssdk.services.sqs..")
          .because(
              "printing gets capabilities (HeldJob), never the SqsClient; only polling and"
                  + " the wiring in io.printrelay.agent know SQS");
}
