package io.printrelay.function.session;

import io.micronaut.context.ApplicationContext;

/** Lets tests outside this package ask a context's {@link SessionKey} for its key. */
public record SessionKeyProbe(ApplicationContext context) {
  public byte[] required() {
    return context.getBean(SessionKey.class).required();
  }
}
