package io.printrelay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shared model stays free of AWS and HTTP types; only the table/queue adapters know AWS. */
@AnalyzeClasses(packages = "io.printrelay", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule modelKnowsNoAwsOrHttp =
      noClasses()
          .that()
          .resideInAPackage("io.printrelay.model..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "software.amazon..", "io.micronaut..", "jakarta.ws..", "com.fasterxml..");

  @ArchTest
  static final ArchRule onlyTheEmbeddedFixtureKnowsTheEmulators =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.printrelay.embedded..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.elasticmq..", "com.amazonaws.services.dynamodbv2.local..");
}
