package io.printrelay.function.security;

/**
 * A person signed in to the web view.
 *
 * @param role {@link Roles#OPERATOR} or {@link Roles#VIEWER}
 */
public record Operator(String username, String role) {}
