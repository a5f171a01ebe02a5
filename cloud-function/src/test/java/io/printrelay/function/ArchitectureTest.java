package io.printrelay.function;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.printrelay.table.JobTable;

/**
 * How the function's feature packages may lean on each other. The rules this class can enforce on
 * bytecode; the table's attribute names, which javac inlines as constants, are checked on the
 * sources by {@link TableNamesTest}.
 */
@AnalyzeClasses(
    packages = "io.printrelay.function",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Features lean on each other one way only, never in a circle (even through a third). */
  @ArchTest
  static final ArchRule featurePackagesAreFreeOfCycles =
      slices().matching("io.printrelay.function.(*)..").should().beFreeOfCycles();

  /** The DynamoDB adapters are reached only through the ports they implement (and by Micronaut). */
  @ArchTest
  static final ArchRule storageAdaptersAreReachedOnlyThroughPorts =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.printrelay.function.storage..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.printrelay.function.storage..");

  /** Blocking SDK calls stay inside the adapters; features see ports, records and rejections. */
  @ArchTest
  static final ArchRule onlyAdaptersKnowTheAwsSdk =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.printrelay.function.actions..",
              "io.printrelay.function.dispatch..",
              "io.printrelay.function.expiry..",
              "io.printrelay.function.intake..",
              "io.printrelay.function.jobs..",
              "io.printrelay.function.printers..",
              "io.printrelay.function.reads..",
              "io.printrelay.function.submit..",
              "io.printrelay.function.session..",
              "io.printrelay.function.http..",
              "io.printrelay.function.web..",
              "io.printrelay.function.webhooks..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("software.amazon..");

  /**
   * No DynamoDB expression (condition, update, key condition, projection, filter) is written in the
   * function: every one, status conditions first, comes from job-model's table package, where the
   * job state machine ({@code JobEvent}) makes them.
   */
  @ArchTest
  static final ArchRule noExpressionIsWrittenInTheFunction =
      noClasses()
          .that()
          .resideInAPackage("io.printrelay.function..")
          .should()
          .callMethodWhere(target(nameMatching(".*Expression")))
          .because(
              "conditions and updates come from io.printrelay.table (ItemUpdate, Condition,"
                  + " JobUpdates, JobQueries)");

  /** What bytecode can show of the table layout class (its constants are inlined by javac). */
  @ArchTest
  static final ArchRule onlyTheTablePackageKnowsItemAttributeNames =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.printrelay.table..")
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(JobTable.class)
          .because("only io.printrelay.table knows item attribute names");
}
