package io.printrelay.function.queue;

/** A job message that could not be sent; the dispatch sweep will try again. */
public final class DispatchFailed extends RuntimeException {
  public DispatchFailed(String jobId, Throwable cause) {
    super("could not send job " + jobId + " to its queue", cause);
  }
}
