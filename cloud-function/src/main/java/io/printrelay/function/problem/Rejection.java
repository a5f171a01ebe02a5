package io.printrelay.function.problem;

/**
 * A request the API refuses. The kinds are few and closed; {@link ProblemResponses} alone decides
 * what each looks like in HTTP.
 */
public abstract sealed class Rejection extends RuntimeException
    permits InvalidInput,
        MalformedRequest,
        PayloadTooLarge,
        UnsupportedMediaType,
        NotFound,
        Conflict,
        SignInRefused,
        TooManySignIns,
        Unavailable {

  protected Rejection(String detail) {
    super(detail, null, false, false);
  }

  /** Said to the caller as the problem's {@code detail}: never holds a secret. */
  public String detail() {
    return getMessage();
  }
}
