package io.printrelay.function.problem;

/** A sign-in with a wrong user name or password; says nothing about which of the two. */
public final class SignInRefused extends Rejection {
  public SignInRefused() {
    super("Wrong user name or password.");
  }
}
