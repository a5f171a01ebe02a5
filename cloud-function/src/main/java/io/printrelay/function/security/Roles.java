package io.printrelay.function.security;

import java.util.Set;

/**
 * Role names, used in {@code @Secured}, in {@code printrelay.api-keys[].roles} and in {@code
 * printrelay.operators[].role}. Integration keys submit and read; operators read and act on jobs
 * and printers (but do not submit); viewers only read.
 */
public final class Roles {
  /** Odoo or another integrator: submits jobs and reads them. */
  public static final String INTEGRATION = "integration";

  /** A person running the printers: reads and acts on jobs and printers. */
  public static final String OPERATOR = "operator";

  /** Reads only. */
  public static final String VIEWER = "viewer";

  public static final Set<String> ALL = Set.of(INTEGRATION, OPERATOR, VIEWER);

  /** The roles a person signing in may have. */
  public static final Set<String> PEOPLE = Set.of(OPERATOR, VIEWER);

  private Roles() {}
}
