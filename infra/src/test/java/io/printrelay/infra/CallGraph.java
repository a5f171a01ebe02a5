package io.printrelay.infra;

import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The code reachable from some roots, method by method, over classes ArchUnit imported: what {@link
 * CalledActions} reads calls from. Method by method rather than class by class, so a role that uses
 * one builder of a shared class (say an update) is not charged with another (a put).
 *
 * <p>What it follows, from each reached method or constructor, within {@code inScope} classes:
 *
 * <ul>
 *   <li>calls and method references (ArchUnit counts a lambda's accesses as its enclosing method's,
 *       so a lambda's calls are reached with the method that creates it);
 *   <li>for a call on a type, the same method in each of its subtypes (an interface call reaches
 *       every implementation: {@code JobQueue.send} reaches {@code SqsJobQueue.send});
 *   <li>for each class it reaches, what runs without a call from our code: its constructors and
 *       static initialiser (dependency injection creates beans), and its methods that override a
 *       type outside scope (a {@code Runnable.run} the JDK calls) or carry a framework annotation
 *       (a {@code @PostConstruct}).
 * </ul>
 */
final class CallGraph {
  private static final List<String> FRAMEWORK_ANNOTATIONS = List.of("io.micronaut.", "jakarta.");

  private final Predicate<JavaClass> inScope;

  CallGraph(Predicate<JavaClass> inScope) {
    this.inScope = inScope;
  }

  Set<JavaCodeUnit> reachableFrom(Collection<JavaCodeUnit> roots) {
    Set<JavaCodeUnit> reached = new LinkedHashSet<>();
    Set<JavaClass> classes = new HashSet<>();
    Deque<JavaCodeUnit> pending = new ArrayDeque<>(roots);
    while (!pending.isEmpty()) {
      JavaCodeUnit unit = pending.pop();
      if (!inScope.test(unit.getOwner()) || !reached.add(unit)) {
        continue;
      }
      if (classes.add(unit.getOwner())) {
        pending.addAll(runWithoutOurCalls(unit.getOwner()));
      }
      accessesFrom(unit).forEach(access -> pending.addAll(targets(access.getTarget())));
    }
    return reached;
  }

  /** Calls and method or constructor references made by {@code unit}. */
  static Stream<JavaCodeUnitAccess<?>> accessesFrom(JavaCodeUnit unit) {
    return Stream.concat(
        unit.getCallsFromSelf().stream(), unit.getCodeUnitReferencesFromSelf().stream());
  }

  private List<JavaCodeUnit> targets(CodeUnitAccessTarget target) {
    JavaClass owner = target.getOwner();
    if (!inScope.test(owner)) {
      return List.of();
    }
    List<String> parameters =
        target.getRawParameterTypes().stream().map(JavaClass::getName).toList();
    Stream<JavaCodeUnit> declared = target.resolveMember().stream().map(JavaCodeUnit.class::cast);
    if (target.getName().equals(JavaConstructor.CONSTRUCTOR_NAME)) {
      return declared.toList();
    }
    Stream<JavaCodeUnit> overriding =
        owner.getAllSubclasses().stream()
            .flatMap(
                sub ->
                    sub
                        .tryGetCodeUnitWithParameterTypeNames(target.getName(), parameters)
                        .stream());
    return Stream.concat(declared, overriding).toList();
  }

  private List<JavaCodeUnit> runWithoutOurCalls(JavaClass type) {
    Stream<JavaCodeUnit> initialisers =
        Stream.concat(type.getConstructors().stream(), type.getStaticInitializer().stream());
    Stream<JavaCodeUnit> callbacks =
        type.getMethods().stream()
            .filter(method -> !method.getModifiers().contains(JavaModifier.STATIC))
            .filter(method -> overridesOutsideScope(type, method) || frameworkAnnotated(method))
            .map(JavaCodeUnit.class::cast);
    return Stream.concat(initialisers, callbacks).toList();
  }

  private boolean overridesOutsideScope(JavaClass type, JavaCodeUnit method) {
    List<String> parameters =
        method.getRawParameterTypes().stream().map(JavaClass::getName).toList();
    return Stream.concat(type.getAllRawSuperclasses().stream(), type.getAllRawInterfaces().stream())
        .filter(Predicate.not(inScope))
        .anyMatch(
            supertype ->
                supertype
                    .tryGetCodeUnitWithParameterTypeNames(method.getName(), parameters)
                    .isPresent());
  }

  private static boolean frameworkAnnotated(JavaCodeUnit method) {
    return method.getAnnotations().stream()
        .map(annotation -> annotation.getRawType().getName())
        .anyMatch(name -> FRAMEWORK_ANNOTATIONS.stream().anyMatch(name::startsWith));
  }
}
