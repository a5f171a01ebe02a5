package io.printrelay.function.security;

/**
 * Role names, used in {@code @Secured} and in {@code printrelay.api-keys[].roles}. Operators (who
 * sign in to the web view) and viewers arrive with the web view; reads already admit them.
 */
public final class Roles {
  /** Odoo or another integrator: submits jobs and reads them. */
  public static final String INTEGRATION = "integration";

  /** A person running the printers: reads and acts on jobs and printers. */
  public static final String OPERATOR = "operator";

  /** Reads only. */
  public static final String VIEWER = "viewer";

  private Roles() {}
}
