package io.printrelay.infra;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which code each deployed role runs, found by rules on packages and entry points rather than class
 * names, so the function's and the agent's classes may move without touching this:
 *
 * <ul>
 *   <li>the agent: every class under {@code io.printrelay.agent} and what it reaches;
 *   <li>the dispatch sweep: what its Lambda handler reaches (the request handler under {@code
 *       io.printrelay.function.dispatch}), plus what every Micronaut context of the function runs
 *       on start whoever asks (eager {@code @Context} beans, {@code @Factory} bean methods);
 *   <li>the API function: every class under {@code io.printrelay.function} but the sweep's handler,
 *       and what it reaches. That includes the dispatch package, whose sweep also runs inside the
 *       API for {@code printrelay local}, and whose store the API's own re-dispatches use.
 * </ul>
 *
 * <p>Left out everywhere: test classes, the CDK app itself, the embedded emulators ({@code
 * io.printrelay.embedded}) and the provisioners ({@code *Provisioner}), which create queues and
 * tables only in local runs and tests.
 */
final class RoleCode {
  private static final String AGENT = "io.printrelay.agent";
  private static final String FUNCTION = "io.printrelay.function";
  private static final String DISPATCH = FUNCTION + ".dispatch";
  private static final String LAMBDA_HANDLER =
      "com.amazonaws.services.lambda.runtime.RequestHandler";
  private static final List<String> STARTUP_ANNOTATIONS =
      List.of("io.micronaut.context.annotation.Context", "io.micronaut.context.annotation.Factory");

  private static JavaClasses classes;

  private RoleCode() {}

  static CalledActions agent() {
    return calledFrom(deployed().filter(type -> within(type, AGENT)));
  }

  static CalledActions apiFunction() {
    JavaClass sweep = sweepHandler();
    return calledFrom(deployed().filter(type -> within(type, FUNCTION) && !type.equals(sweep)));
  }

  static CalledActions dispatchSweep() {
    return calledFrom(
        Stream.concat(
            Stream.of(sweepHandler()),
            deployed()
                .filter(type -> within(type, FUNCTION))
                .filter(type -> STARTUP_ANNOTATIONS.stream().anyMatch(type::isAnnotatedWith))));
  }

  /** The one concrete Lambda request handler under the function's dispatch package. */
  static JavaClass sweepHandler() {
    List<JavaClass> handlers =
        deployed()
            .filter(type -> within(type, DISPATCH))
            .filter(type -> type.isAssignableTo(LAMBDA_HANDLER))
            .filter(type -> !type.getModifiers().contains(JavaModifier.ABSTRACT))
            .toList();
    if (handlers.size() != 1) {
      throw new IllegalStateException(
          "expected one " + LAMBDA_HANDLER + " under " + DISPATCH + ", found " + handlers);
    }
    return handlers.get(0);
  }

  /** Printrelay's code that runs in AWS or on the agent's machine. */
  static boolean isDeployed(JavaClass type) {
    String outermost = outermost(type).getSimpleName();
    return within(type, "io.printrelay")
        && !within(type, "io.printrelay.infra")
        && !within(type, "io.printrelay.embedded")
        && !outermost.endsWith("Provisioner");
  }

  private static CalledActions calledFrom(Stream<JavaClass> roots) {
    List<JavaCodeUnit> code = roots.flatMap(type -> type.getCodeUnits().stream()).toList();
    return CalledActions.in(new CallGraph(RoleCode::isDeployed).reachableFrom(code));
  }

  private static Stream<JavaClass> deployed() {
    return imported().stream().filter(RoleCode::isDeployed);
  }

  private static synchronized JavaClasses imported() {
    if (classes == null) {
      // The job-model, cloud-function and edge-agent jars (or class folders) on the test class
      // path, without their tests.
      classes =
          new ClassFileImporter()
              .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
              .importPackages("io.printrelay");
    }
    return classes;
  }

  private static boolean within(JavaClass type, String packageName) {
    String name = type.getPackageName();
    return name.equals(packageName) || name.startsWith(packageName + ".");
  }

  private static JavaClass outermost(JavaClass type) {
    JavaClass outer = type;
    while (outer.getEnclosingClass().isPresent()) {
      outer = outer.getEnclosingClass().get();
    }
    return outer;
  }
}
